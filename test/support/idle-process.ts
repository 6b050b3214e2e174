// A process that runs until it is stopped: for the test that shows a test's processes are ended.
setInterval(() => {}, 60_000);
console.log(`idle process ${process.pid}`);
