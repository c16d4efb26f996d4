import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { notFound } from './errors';

/** An id that is not even a UUID names nothing: NOT_FOUND, like any unknown id. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  constructor(private readonly what: string) {}

  transform(value: string): string {
    if (typeof value !== 'string' || !isUUID(value)) throw notFound(this.what);
    return value;
  }
}
