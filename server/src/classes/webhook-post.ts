// POSTs a webhook delivery. Whoever can make a class can point its webhook anywhere, so unless
// the operator allows private receivers (SLIPWAY_WEBHOOK_PRIVATE), the address the request
// actually connects to must be public: the check sits in the socket's own DNS lookup, so a
// name that resolves to loopback, a private network or link-local (cloud metadata) is refused,
// and so is one that re-resolves there after a first, public answer.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";

const NOT_PUBLIC = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, "ipv6");

export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = isIP(address);
  return family !== 0 && !NOT_PUBLIC.check(address, family === 4 ? "ipv4" : "ipv6");
}

const refusal = (host: string, address: string) =>
  new Error(`${host} is ${address}, not a public address (SLIPWAY_WEBHOOK_PRIVATE allows it)`);

const publicOnly: LookupFunction = (host, options, callback) =>
  dnsLookup(host, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, "", 0);
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) return callback(refusal(host, bad.address), "", 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0] as LookupAddress;
    callback(null, first.address, first.family);
  });

export interface WebhookPostOptions {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly timeoutMs: number;
  readonly allowPrivate: boolean;
}

/** Resolves to the receiver's status (redirects are not followed); rejects when not reached. */
export function postWebhook(url: string, o: WebhookPostOptions): Promise<{ status: number }> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, "");
  // A literal address is connected to without a lookup: check it here.
  if (!o.allowPrivate && isIP(host) && !isPublicAddress(host)) return Promise.reject(refusal(host, host));
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: "POST",
        headers: { ...o.headers, "content-length": Buffer.byteLength(o.body) },
        timeout: o.timeoutMs,
        ...(o.allowPrivate ? {} : { lookup: publicOnly }),
      },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0 });
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error("timed out"), { name: "TimeoutError" })));
    req.on("error", reject);
    req.end(o.body);
  });
}
