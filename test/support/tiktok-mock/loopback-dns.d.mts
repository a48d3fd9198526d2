import type { LookupFunction } from 'node:net';

/** The environment variable the preload reads: `host=ip,host=ip`. */
export declare const HOSTS_ENV: 'TIKTOK_MOCK_HOSTS';

export type HostMap = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

export declare function parseHostMap(text: string | undefined): Map<string, string>;
export declare function formatHostMap(hosts: HostMap): string;
/** A dns.lookup-compatible function for mapped names; other names go to the real resolver. */
export declare function createLookup(hosts: HostMap): LookupFunction;
/** Patches dns.lookup and dns.promises.lookup; returns the function that undoes it. */
export declare function installLoopbackDns(hosts: HostMap): () => void;
export declare function uninstallLoopbackDns(): void;
export declare function installedHosts(): Map<string, string>;
