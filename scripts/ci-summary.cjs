// The CI summary: every lane's counts from its Jest JSON, then what failed and the first lines of why (the CI log
// keeps only its head and tail). Usage: node scripts/ci-summary.cjs (from the repository root, after the lanes ran).
'use strict'
const fs = require('fs')
let passed = 0,
  failed = 0,
  skipped = 0
for (const lane of ['sqlite', 'mongo', 's3', 'opensearch-sqlite', 'opensearch-mongo']) {
  const file = `test-results/${lane}.json`
  if (!fs.existsSync(file)) {
    console.log(`${lane} lane: no results`)
    failed += 1
    continue
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'))
  const s = r.numPendingTests + r.numTodoTests
  console.log(`${lane} lane - ${r.numPassedTests} passed / ${r.numFailedTests} failed / ${s} skipped in ${r.numTotalTestSuites} files`)
  passed += r.numPassedTests
  failed += r.numFailedTests
  skipped += s
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
// What failed, and the first lines of why: the CI log keeps only its head and tail.
const plain = (text) =>
  String(text)
    .replace(new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g'), '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '))
let shown = 0
for (const lane of ['sqlite', 'mongo', 's3', 'opensearch-sqlite', 'opensearch-mongo']) {
  const file = `test-results/${lane}.json`
  if (!fs.existsSync(file)) continue
  for (const suite of JSON.parse(fs.readFileSync(file, 'utf8')).testResults) {
    const failures = suite.assertionResults.filter((t) => t.status === 'failed')
    if (!failures.length && suite.status === 'failed' && shown < 20) {
      shown += 1
      console.log(`FAILED ${lane} ${suite.name.split('/tests/').pop()}: ${plain(suite.message).slice(0, 4).join(' | ').slice(0, 600)}`)
    }
    for (const t of failures) {
      if (shown++ >= 20) break
      console.log(
        `FAILED ${lane} ${suite.name.split('/tests/').pop()} › ${t.fullName}: ${plain(t.failureMessages.join('\n')).slice(0, 4).join(' | ').slice(0, 600)}`,
      )
    }
  }
}
