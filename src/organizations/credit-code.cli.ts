import { creditCodeCommand } from './credit-code-command.js';

/**
 * npm run credit-code -- <17 characters>: prints the unified social credit code with its check character
 * (GB 32100-2015). Without an argument: a few fresh valid codes. Bad input: one line on stderr, exit code 2.
 * Needs no database.
 */
const { exitCode, lines } = creditCodeCommand(process.argv.slice(2));
for (const line of lines) (exitCode === 0 ? console.log : console.error)(line);
process.exitCode = exitCode;
