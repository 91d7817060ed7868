// Entry point of `npm run tag-report`: articles per tag and tags per article, before and after the tagging rules.
import { runTagReportCommand } from './tools/bench/tag-report-command.ts';

process.exitCode = await runTagReportCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
