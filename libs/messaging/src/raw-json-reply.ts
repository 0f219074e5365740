/**
 * A reply the database already rendered as JSON text. The transport sends the text as it
 * is: a 10,000-entry availability answer is not parsed into objects and stringified back.
 * The text must match the contract's reply schema; tests hold it to that.
 */
export class RawJsonReply {
  constructor(readonly text: string) {}
}
