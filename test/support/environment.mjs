// The test environment: Node's, plus what one worker process may share across its test files.
// Jest evaluates every module again for each test file (in native ESM mode it keeps each file's modules until the
// worker ends). The word-segmentation dictionary is 40 MB of native memory per evaluation, freed one by one when
// the worker exits: with one per test file a worker took longer to exit than Jest allows. This environment builds
// one segmenter per worker and hands it to every test file under the key the product looks for
// (src/challenges/challenge-search.ts).
import { TestEnvironment } from 'jest-environment-node';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const JIEBA_KEY = Symbol.for('innovation-marketplace.jieba');
let shared;

export default class MarketplaceTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    shared ??= Jieba.withDict(dict);
    this.global[JIEBA_KEY] = shared;
  }
}
