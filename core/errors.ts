/**
 * Errors every tool shares. Bad input (a flag, a file, a stack config, a usage file) is an
 * `InputError`: the tools print its message and exit 2, never a stack trace.
 */
export class InputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "InputError";
    }
}
