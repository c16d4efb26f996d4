import { Injectable } from '@nestjs/common';

/**
 * "Now" for the rules that depend on the date (the tribunal's "not in the future" checks,
 * days left to a deadline, which reminders are due today). The system time, unless
 * CLOCK_FIXED_AT fixes it — which the configuration refuses in production; browser
 * journeys and demos use it to stand on a given day (say, five days before a deadline of
 * April 2025). Sessions, tokens and timestamps keep the real time.
 */
@Injectable()
export class Clock {
  constructor(private readonly fixedAt?: Date) {}

  /** True when CLOCK_FIXED_AT is set. */
  get fixed(): boolean {
    return this.fixedAt !== undefined;
  }

  now(): Date {
    return this.fixedAt ? new Date(this.fixedAt) : new Date();
  }
}
