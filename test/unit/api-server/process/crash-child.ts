// Run as a child process by main.test.ts: the API server's logger and crash handlers, then the
// failure named on the command line. "still running" on stdout means a handler let it limp on.
import { createLogger } from '../../../../api-server/src/main.js';
import { installCrashHandlers } from '../../../../crds/client/process.js';

installCrashHandlers(createLogger());
setTimeout(() => process.stdout.write('still running\n'), 1500);
if (process.argv[2] === 'rejection') void Promise.reject(new Error('boom'));
else setTimeout(() => {
  throw new Error('kaboom');
}, 10);
