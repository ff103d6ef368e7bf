/** `npm run bench`: each section prints its own figures. */
import { runRenderBench } from './render-bench';

void runRenderBench().catch((error: unknown) => {
  console.error('render bench failed:', error);
  process.exitCode = 1;
});
