'use strict';
// The reference process: tableschema-js validating a CSV file against a schema (node validate-csv.js f.csv s.json),
// as a person would run it; prints the rows read and the rows that failed, as `cchc validate` prints its counts.
const { readFileSync } = require('node:fs');
const { Table } = require('tableschema');

async function main() {
  const [csv, schemaFile] = process.argv.slice(2);
  const table = await Table.load(csv, { schema: JSON.parse(readFileSync(schemaFile, 'utf8')) });
  const rows = await table.read({ forceCast: true });
  const failed = rows.filter((r) => r instanceof Error).length;
  process.stdout.write(`${rows.length} rows, ${failed} failed\n`);
}

main().catch((e) => {
  process.stderr.write(`${e && e.message}\n`);
  process.exit(2);
});
