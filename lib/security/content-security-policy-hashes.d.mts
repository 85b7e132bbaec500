export declare const SCRIPT_HASHES_PLACEHOLDER: "'inline-script-hashes'";
export declare function inlineScriptHashes(html: string): string[];
export declare function fillScriptHashes(template: string, hashes: readonly string[]): string;
