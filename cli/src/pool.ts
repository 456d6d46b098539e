/**
 * Analysis across cores: a small pool of worker threads, each with its own Analyzer, fed one file
 * at a time. Workers read the files themselves and send back only the report entry.
 * The worker entry is this same bundle (dist/cli.js), started with `workerData.trustlineWorker`.
 */
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { Analyzer } from '../../core/src/index';
import { lintTask, type LintOptions, type LintTask } from './lintFile';
import type { FileOutcome } from './report';

interface Job {
  id: number;
  task: LintTask;
  resolve(o: FileOutcome): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
}

export class WorkerPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 0;
  private failed: Error | undefined;

  constructor(size: number, script: string, opts: LintOptions) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: { trustlineWorker: true, opts } });
      const slot: Slot = { worker, job: undefined };
      worker.on('message', (msg: { id: number; outcome: FileOutcome }) => {
        const job = slot.job;
        slot.job = undefined;
        if (job && job.id === msg.id) job.resolve(msg.outcome);
        this.pump();
      });
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a worker thread exited with code ${code}`));
      });
      this.slots.push(slot);
    }
  }

  run(task: LintTask): Promise<FileOutcome> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  }

  private fail(err: Error): void {
    if (this.failed) return;
    this.failed = err;
    for (const s of this.slots) s.job?.reject(err);
    for (const j of this.queue) j.reject(err);
    this.queue = [];
  }
}

/** Is this thread a lint worker? Then serve tasks until terminated. */
export function runWorkerIfWorker(): boolean {
  if (!parentPort || !(workerData as { trustlineWorker?: boolean } | null)?.trustlineWorker) return false;
  const opts = (workerData as { opts: LintOptions }).opts;
  const analyzer = new Analyzer();
  const port = parentPort;
  port.on('message', (msg: { id: number; task: LintTask }) => {
    let outcome: FileOutcome;
    try {
      outcome = lintTask(msg.task, opts, analyzer);
    } catch (err) {
      outcome = { kind: 'note', note: { path: msg.task.display, message: `internal error: ${(err as Error).message}`, kind: 'error' } };
    }
    port.postMessage({ id: msg.id, outcome });
  });
  return true;
}
