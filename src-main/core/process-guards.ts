import type { Logger } from './logger.js';

/**
 * Last-resort handlers for errors nothing else caught. Node's default ends the process, and with
 * it every linked number and the API, for one bad message or a stream without an `error`
 * listener. The shop's gateway must keep serving: such an error is logged with its stack (so it
 * gets fixed at its cause) and the process goes on. Installed once by each entry point (`server.ts`,
 * the Electron main process) after the logger exists.
 */
export function installProcessGuards(logger: Logger, target: NodeJS.Process = process): void {
  target.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection (the gateway keeps serving)');
  });
  target.on('uncaughtException', (error, origin) => {
    logger.fatal({ err: error, origin }, 'uncaught exception (the gateway keeps serving)');
  });
}
