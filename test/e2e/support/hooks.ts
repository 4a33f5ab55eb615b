// Mocha root hooks for the e2e suite: start the deployment once, stop it at the end.
import { e2eStack, stopE2eStack } from './stack.js';

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(45 * 60 * 1000);
    await e2eStack();
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(60_000);
    await stopE2eStack();
  },
};
