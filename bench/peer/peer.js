// PouchDB 9 replicating to an express-pouchdb server on loopback, on the records that
// bench/peer.py wrote (one document per record): initial push, initial pull into a second
// database, and an update round (one field of every client, pushed by the first and
// pulled by the second). Prints the times in ms as one JSON line.
"use strict";
const fs = require("fs");
const path = require("path");
const { performance } = require("perf_hooks");
const PouchDB = require("pouchdb");
const express = require("express");
const expressPouchDB = require("express-pouchdb");

const [recordsFile, workDir, field] = process.argv.slice(2);
const records = JSON.parse(fs.readFileSync(recordsFile, "utf8"));

async function main() {
  fs.mkdirSync(path.join(workDir, "server"), { recursive: true });
  fs.mkdirSync(path.join(workDir, "laptops"), { recursive: true });
  process.chdir(workDir); // express-pouchdb writes its config and log here
  const ServerDB = PouchDB.defaults({ prefix: path.join(workDir, "server") + "/" });
  const app = express();
  app.use("/", expressPouchDB(ServerDB, { mode: "minimumForPouchDB" }));
  const server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const url = `http://127.0.0.1:${server.address().port}/office`;
  const Laptop = PouchDB.defaults({ prefix: path.join(workDir, "laptops") + "/" });
  const a = new Laptop("a");
  const b = new Laptop("b");
  const remote = new PouchDB(url);
  for (let i = 0; i < records.length; i += 1000) {
    await a.bulkDocs(records.slice(i, i + 1000).map((r) => ({ ...r, _id: r.id })));
  }
  let started = performance.now();
  await a.replicate.to(remote, { batch_size: 500 });
  const push = performance.now() - started;
  started = performance.now();
  await b.replicate.from(remote, { batch_size: 500 });
  const pull = performance.now() - started;
  const clients = await a.allDocs({ include_docs: true });
  const changed = clients.rows
    .map((row) => row.doc)
    .filter((doc) => doc.table === "client")
    .map((doc) => ({ ...doc, [field]: "+49 7141 " + doc._id.slice(0, 6) }));
  await a.bulkDocs(changed);
  started = performance.now();
  await a.replicate.to(remote, { batch_size: 500 });
  await b.replicate.from(remote, { batch_size: 500 });
  const update = performance.now() - started;
  const got = await b.get(changed[0]._id);
  if (got[field] !== changed[0][field]) throw new Error("the update did not arrive");
  const info = await b.info();
  console.log(JSON.stringify({ push, pull, update, docs: info.doc_count, updated: changed.length }));
  server.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
