// The desktop tool chain (electron 45, @electron/rebuild 4, node-abi 4) needs Node 22.12 or newer;
// `npm run serve` and `npm test` run on Node 20.19 too. Say so plainly instead of failing deep
// inside a native rebuild.
const REQUIRED = [22, 12];
const [major, minor] = process.versions.node.split('.').map(Number);
const tooOld = major < REQUIRED[0] || (major === REQUIRED[0] && minor < REQUIRED[1]);
if (tooOld) {
  process.stderr.write(
    `The desktop app's build tools need Node ${REQUIRED.join('.')} or newer; this is Node ${process.versions.node}.\n` +
      'Install a newer Node (https://nodejs.org) to run `npm start` or `npm run dist`.\n' +
      'The headless gateway and the browser UI (`npm run serve`) and the tests (`npm test`) work on this Node.\n',
  );
  process.exit(1);
}
