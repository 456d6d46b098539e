/**
 * The bundled weights of the trained reader (asks/learned.ts), written by
 * `scripts/train-ask-model.ts` from the labelled corpora. Data, not code: retraining changes
 * this JSON file only.
 */
import data from '../data/ask-model.json';
import type { AskModel } from './learned';

const MODEL = data as unknown as AskModel;

/** The bundled model. */
export function defaultAskModel(): AskModel {
  return MODEL;
}
