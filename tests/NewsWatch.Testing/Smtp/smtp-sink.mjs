// A real SMTP server (npm "smtp-server", from the repo's package-lock.json) for NewsWatch's integration tests.
// Started by SmtpSink.cs with one JSON argument; reports on stdout, one JSON object per line:
//   {"event":"listening","port":N}   {"event":"message",...}   {"event":"auth",...}   {"event":"ack"}
// Takes commands on stdin, one JSON object per line: {"rejectNext":N,"code":451} answers the next N messages
// with that SMTP error instead of accepting them (a server that is up but refusing).
import { SMTPServer } from "smtp-server";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

const options = JSON.parse(process.argv[2] ?? "{}");
const tls = options.keyFile && options.certFile;
let rejectNext = 0;
let rejectCode = 451;
let received = 0;

const emit = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");

const server = new SMTPServer({
  name: "smtp-sink.newswatch.test",
  banner: "NewsWatch test sink",
  logger: false,
  disableReverseLookup: true,
  closeTimeout: 1000,
  // Without TLS material the sink is plain SMTP; with it, STARTTLS is offered (and required before AUTH).
  ...(tls ? { key: readFileSync(options.keyFile), cert: readFileSync(options.certFile) } : { disabledCommands: ["STARTTLS"] }),
  authOptional: !options.user,
  allowInsecureAuth: !tls,
  authMethods: ["PLAIN", "LOGIN"],
  onAuth(auth, session, callback) {
    const ok = auth.username === options.user && auth.password === options.password;
    emit({ event: "auth", user: auth.username ?? null, method: auth.method, ok, secure: session.secure });
    if (!ok) {
      return callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    }
    callback(null, { user: auth.username });
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("end", () => {
      if (rejectNext > 0) {
        rejectNext--;
        emit({ event: "rejected", code: rejectCode });
        return callback(Object.assign(new Error("Try again later (test sink refusing)"), { responseCode: rejectCode }));
      }
      received++;
      const queueId = `sink-${process.pid}-${received}`;
      emit({
        event: "message",
        queueId,
        mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        rcptTo: session.envelope.rcptTo.map((r) => r.address),
        secure: session.secure,
        user: session.user ?? null,
        raw: Buffer.concat(chunks).toString("base64"),
      });
      callback(null, `Queued as ${queueId}`);
    });
  },
});

server.on("error", (err) => emit({ event: "error", message: String(err && err.message) }));
server.listen(options.port ?? 0, "127.0.0.1", () => emit({ event: "listening", port: server.server.address().port }));

createInterface({ input: process.stdin }).on("line", (line) => {
  if (!line.trim()) return;
  const command = JSON.parse(line);
  if (typeof command.rejectNext === "number") {
    rejectNext = command.rejectNext;
    rejectCode = command.code ?? 451;
  }
  emit({ event: "ack" });
});

// The fixture stops the sink by closing stdin or by a signal; either way nothing is left running.
const stop = () => server.close(() => process.exit(0));
process.stdin.on("end", stop);
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
