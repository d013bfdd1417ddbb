/** See findBrowser.mjs. */
export declare function findHeadlessShell(): string | null;
export declare function findBrowser(options?: { install?: boolean }): Promise<string>;
