import { BadRequestException } from '@nestjs/common';

/** One problem of an import file: `row` as a spreadsheet shows it (header = 1), `column` its key. */
export interface ImportError {
  row: number | null;
  column: string | null;
  message: string;
}

/** A file of only bad cells could name millions; the answer names this many and counts the rest. */
const MAX_LISTED = 10_000;

/** Every problem found in an import file, answered at once as one 400. */
export class ImportErrors {
  private readonly listed: ImportError[] = [];
  private total = 0;

  add(row: number | null, column: string | null, message: string): void {
    this.total += 1;
    if (this.listed.length < MAX_LISTED) this.listed.push({ row, column, message });
  }

  get count(): number {
    return this.total;
  }

  /** Throws the 400 naming every problem, unless there is none. */
  throwIfAny(): void {
    if (this.total > 0) throw this.toException();
  }

  /** A problem with the file as a whole rather than with one of its cells. */
  static fileProblem(message: string): BadRequestException {
    const errors = new ImportErrors();
    errors.add(null, null, message);
    return errors.toException();
  }

  private toException(): BadRequestException {
    const errors = [...this.listed];
    if (this.total > errors.length) {
      errors.push({ row: null, column: null, message: `… and ${this.total - errors.length} more problems` });
    }
    const problems = this.total === 1 ? '1 problem' : `${this.total} problems`;
    return new BadRequestException({ message: `The file has ${problems}; nothing was imported`, errors });
  }
}
