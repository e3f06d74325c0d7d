import { expect, it } from "vitest";
import { parseProcNetTcp } from "./listening-ports.ts";

// From a sandbox running `docker run -p 8080:80 nginx`, a server on 127.0.0.1:9099, one on
// 127.0.0.2:7000, Docker's embedded DNS (127.0.0.11) and a client connection on 8080
// (established, not listening).
const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0000000000000000 100 0 0 10 0
   1: 0100007F:238B 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1 0000000000000000 100 0 0 10 0
   3: 0200007F:1B58 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 7 1 0000000000000000 100 0 0 10 0
   4: 0B00007F:B223 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 8 1 0000000000000000 100 0 0 10 0
   2: 0200590A:1F90 0100590A:C350 01 00000000:00000000 00:00000000 00000000     0        0 3 1 0000000000000000 20 4 30 10 -1
`;
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4 1 0000000000000000 100 0 0 10 0
   1: 00000000000000000000000001000000:0BB8 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5 1 0000000000000000 100 0 0 10 0
   3: 0000000000000000FFFF00000100007F:0FA0 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 9 1 0000000000000000 100 0 0 10 0
   2: 00000000000000000000000001000000:238B 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 6 1 0000000000000000 100 0 0 10 0
`;

it("lists listening ports once each, lowest first, saying which only loopback can reach", () => {
  expect(parseProcNetTcp(TCP + TCP6)).toEqual([
    { port: 3000, loopbackOnly: true },
    { port: 4000, loopbackOnly: true },
    { port: 7000, loopbackOnly: true },
    { port: 8080, loopbackOnly: false },
    { port: 9099, loopbackOnly: true },
  ]);
  expect(parseProcNetTcp("")).toEqual([]);
});
