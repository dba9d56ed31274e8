/**
 * `npm run access:table`: prints the access matrix (tests/access-matrix/table.ts) as Markdown for the README.
 * The same data drives tests/accessMatrix.test.ts, so the README's table is the one the tests check.
 */
import { toMarkdown } from '../tests/access-matrix/table'

process.stdout.write(`${toMarkdown()}\n`)
