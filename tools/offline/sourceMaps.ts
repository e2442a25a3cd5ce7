/**
 * Source positions of registrations, mapped back to the TypeScript that wrote them. Programs run
 * with source maps switched off (engine.ts: mapping every stack the SDK captures was a third of
 * `plan`'s time), so a position the SDK records points into generated code; it is mapped here once
 * per resource, with Node's own parser: through a bundle's `.map` file (the tools), or through the
 * map Node cached when it loaded a module transpiled in memory (esbuild-register, in tests).
 */
import * as fs from "fs";
import { findSourceMap, SourceMap } from "module";
import * as path from "path";
import { fileURLToPath, pathToFileURL } from "url";

const maps = new Map<string, SourceMap | null>();

function mapFor(file: string): SourceMap | null {
    if (!maps.has(file)) {
        let map: SourceMap | null = null;
        try {
            map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8")));
        } catch {
            map = findSourceMap(file) ?? null;
        }
        maps.set(file, map);
    }
    return maps.get(file)!;
}

/** The original `file://` URI, line and column of a position in a bundle (unchanged when it has no map). */
export function originalPosition(uri: string, line: number, column: number): { uri: string; line: number; column: number } {
    if (!uri.startsWith("file://")) return { uri, line, column };
    const file = fileURLToPath(uri);
    const map = mapFor(file);
    // SourceMap lines and columns are 0-based; stack positions are 1-based.
    const entry = map?.findEntry(line - 1, Math.max(0, column - 1)) as { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
    if (!entry?.originalSource || entry.originalLine === undefined) return { uri, line, column };
    const source = entry.originalSource.startsWith("file://") ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(file), entry.originalSource);
    return { uri: pathToFileURL(source).toString(), line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
}
