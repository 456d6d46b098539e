// The test reporter `npm test` uses: node's spec reporter, except for todo tests. A todo test is a
// known gap written down as a test; node's spec reporter prints a failing one with its whole
// assertion error, inline and again under "failing tests", which reads as a failed run although
// nothing failed. Here each todo test is one grey line, `﹣ name # TODO (fails as expected): why`
// (or `# TODO (passes now)`), and only real failures are listed at the end.
// The counts node prints (tests, pass, fail, todo) are unchanged.
import { Readable } from 'node:stream';
import { spec } from 'node:test/reporters';

async function* todosAsOneLine(source) {
  for await (const event of source) {
    const { type, data } = event;
    const isTodo = (type === 'test:pass' || type === 'test:fail') && data && data.todo !== undefined && data.todo !== false;
    if (!isTodo) {
      yield event;
      continue;
    }
    const why = typeof data.todo === 'string' && data.todo.length ? `: ${data.todo}` : '';
    const state = type === 'test:fail' ? 'fails as expected' : 'passes now';
    const { todo: _todo, ...rest } = data;
    const details = { ...data.details };
    delete details.error;
    // Shown the way skipped tests are (a grey "﹣", no error); the summary still counts it as todo.
    yield { type: 'test:pass', data: { ...rest, details, skip: `TODO (${state})${why}` } };
  }
}

export default async function* reporter(source) {
  yield* Readable.from(todosAsOneLine(source)).compose(new spec());
}
