/**
 * Checks an uploaded CSV in full, off the main thread: the same pipeline the training worker runs
 * (parse every cell, targets, split, float32, one-hot, the feature count guard), so a file that passes here trains there, and one
 * that fails is refused before it replaces anything. Optionally samples rows first. One request per worker.
 */
/// <reference lib="webworker" />
import { checkCsv } from '../data/table/checkCsv';
import type { CsvCheckRequest } from '../protocol/csvCheck';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (message: MessageEvent<CsvCheckRequest>) => self.postMessage(checkCsv(message.data));
