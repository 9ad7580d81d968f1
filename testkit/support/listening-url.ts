import type { ChildProcess } from 'node:child_process';

/**
 * The URL a started Chatdock server prints once it listens ("listening on http://…"), read from
 * its output; rejects with everything it printed if it exits first.
 */
export function listeningUrl(child: ChildProcess, what = 'the server'): Promise<string> {
  let output = '';
  return new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}):\n${output}`)));
  });
}
