// A worker for the worker pool's tests: doubles numbers; 'throw' fails the task, 'exit' ends the thread mid-task.
const { serveTasks } = require('../../dist/workers/serve-tasks');

serveTasks((input) => {
  if (input === 'throw') throw new Error('the task said no');
  if (input === 'exit') process.exit(3);
  return input * 2;
});
