/**
 * A scratch copy of this repository as it is now (tracked and new files, not ignored ones), made a
 * git repository of its own with one commit, sharing this checkout's node_modules: for tests that
 * change files and run the tools as a user would (`--base HEAD`, the "add a tier" recipe).
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PROJECT_DIR } from "./harness";

export interface ScratchRepo {
    dir: string;
    write(file: string, text: string): void;
    read(file: string): string;
    /** Runs `node tools/launch.js <args>` there. */
    run(args: string[]): { status: number; stdout: string; stderr: string };
    remove(): void;
}

export function scratchRepo(): ScratchRepo {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiered-infra-scratch-"));
    const files = execFileSync("git", ["-C", PROJECT_DIR, "ls-files", "--cached", "--others", "--exclude-standard", "-z"], { encoding: "utf8" }).split("\0").filter(Boolean);
    for (const f of files) {
        const from = path.join(PROJECT_DIR, f);
        if (!fs.existsSync(from)) continue; // deleted in the working tree
        if (fs.lstatSync(from).isSymbolicLink()) continue; // e.g. a node_modules linked from elsewhere: linked again below
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.copyFileSync(from, path.join(dir, f));
        // Keep the sources' times, so the copied bundles below count as current and nothing is rebuilt.
        const { atime, mtime } = fs.statSync(from);
        fs.utimesSync(path.join(dir, f), atime, mtime);
    }
    for (const built of ["dist", path.join("policies", "dist")]) {
        if (fs.existsSync(path.join(PROJECT_DIR, built))) fs.cpSync(path.join(PROJECT_DIR, built), path.join(dir, built), { recursive: true, preserveTimestamps: true });
    }
    const git = (...args: string[]) => execFileSync("git", ["-C", dir, ...args], { stdio: "ignore" });
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "scratch");
    // After the commit: a symlink is not the directory `node_modules/` in .gitignore, and must not be committed.
    for (const modules of ["node_modules", path.join("policies", "node_modules")]) fs.symlinkSync(path.join(PROJECT_DIR, modules), path.join(dir, modules), "dir");
    return {
        dir,
        write: (file, text) => fs.writeFileSync(path.join(dir, file), text),
        read: (file) => fs.readFileSync(path.join(dir, file), "utf8"),
        run: (args) => {
            const r = spawnSync(process.execPath, ["tools/launch.js", ...args], { cwd: dir, encoding: "utf8" });
            return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
        },
        remove: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
}
