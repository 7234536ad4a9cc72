/**
 * A one-pass parser for offers without syntax errors, which is what an offer is nearly always.
 * It builds the same tree as jsonc-parser's `parseTree` (same nodes, offsets, lengths, colon
 * offsets and values; comments and trailing commas allowed) in well under half its time: it
 * makes the nodes directly instead of through a visitor and a token scanner. It only knows the
 * well-formed case: at the first thing it doesn't expect (a syntax error, a character the JSONC
 * scanner would not accept, nesting past the limit) it gives up, and the caller parses with
 * jsonc-parser, which reports the problem. No recursion: the nesting is an explicit stack.
 */
import type { Node } from 'jsonc-parser';

type MutableNode = { -readonly [K in keyof Node]: Node[K] };

const SPACE = 0x20;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const STAR = 0x2a;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/** Holds a property's value slot until its value is read (beginValue puts it there). */
const PENDING_VALUE = { type: 'null', offset: -1, length: 0 } as Node;

/** Thrown (and caught below) at the first thing the fast path doesn't handle. */
class GiveUp extends Error {}
const GIVE_UP = new GiveUp();

/**
 * The tree of `text` as `parseTree(text, errors, { allowTrailingComma: true })` builds it, or
 * undefined when that parse would report an error, when the text holds no value, or when
 * containers nest deeper than `maxDepth`.
 */
export function parseWellFormed(text: string, maxDepth: number): Node | undefined {
  try {
    return new WellFormedParser(text, maxDepth).parse();
  } catch (error) {
    if (error === GIVE_UP) {
      return undefined;
    }
    throw error;
  }
}

class WellFormedParser {
  private at = 0;
  /** The property whose value is being read (undefined in an array or at the top). */
  private property: MutableNode | undefined;
  /**
   * The members and items read so far of every open container, innermost last: a container's
   * list of children is made when it closes, at its exact size. Pushed one by one into each
   * container's own list, a list of three members took a backing store of seventeen, and a list
   * of twenty was copied on the way (an offer has thousands of small objects, kept as long as its
   * version).
   */
  private readonly items: MutableNode[] = [];
  private itemCount = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  parse(): Node {
    const { text } = this;
    /** Open objects and arrays, innermost last. */
    const open: MutableNode[] = [];
    /** For each open container, the property it is the value of (undefined: none). */
    const properties: (MutableNode | undefined)[] = [];
    /** For each open container, where its items start in `items`. */
    const firstItems: number[] = [];

    this.skipTrivia();
    let value = this.beginValue(undefined);
    for (;;) {
      // `value` was just begun: a container waits for its first member; a scalar is complete.
      if (value.type === 'object' || value.type === 'array') {
        if (open.length >= this.maxDepth) {
          throw GIVE_UP;
        }
        open.push(value);
        properties.push(this.property);
        firstItems.push(this.itemCount);
        this.property = undefined;
        this.skipTrivia();
        if (text.charCodeAt(this.at) !== closingOf(value)) {
          value = this.beginItem(value);
          continue;
        }
        // An empty container: it is complete at once (handled with the others below).
      }
      // The innermost open container is complete, or `value` is: find what comes next.
      let completed: MutableNode | undefined = value.type === 'object' || value.type === 'array' ? undefined : value;
      for (;;) {
        if (!completed) {
          // `open`'s last is closed by the character at `at`.
          const container = open.pop()!;
          this.property = properties.pop();
          const first = firstItems.pop()!;
          container.children = this.items.slice(first, this.itemCount);
          this.itemCount = first;
          this.at++;
          container.length = this.at - container.offset;
          completed = container;
        }
        if (this.property) {
          this.property.length = completed.offset + completed.length - this.property.offset;
          this.property = undefined;
        }
        const container = open[open.length - 1];
        if (!container) {
          this.skipTrivia();
          if (this.at !== text.length) {
            throw GIVE_UP;
          }
          delete completed.parent;
          return completed;
        }
        this.skipTrivia();
        const code = text.charCodeAt(this.at);
        const closing = closingOf(container);
        if (code === closing) {
          completed = undefined;
          continue;
        }
        if (code !== COMMA) {
          throw GIVE_UP;
        }
        this.at++;
        this.skipTrivia();
        if (text.charCodeAt(this.at) === closing) {
          // A trailing comma.
          completed = undefined;
          continue;
        }
        break;
      }
      value = this.beginItem(open[open.length - 1]);
    }
  }

  /** The start of the next member of an object or item of an array. */
  private beginItem(container: MutableNode): MutableNode {
    return container.type === 'object' ? this.beginMember(container) : this.beginValue(container);
  }

  /** `"key": ` and the start of its value, in `object`. */
  private beginMember(object: MutableNode): MutableNode {
    const { text } = this;
    if (text.charCodeAt(this.at) !== QUOTE) {
      throw GIVE_UP;
    }
    const keyOffset = this.at;
    const key = this.readString();
    const keyLength = this.at - keyOffset;
    this.skipTrivia();
    if (text.charCodeAt(this.at) !== COLON) {
      throw GIVE_UP;
    }
    // Made whole at once: a node that gains a field later changes its hidden class, and a
    // property's two children in an array grown by push take a backing store of 16 (an offer
    // has tens of thousands of properties; that was half of the memory a parse allocated).
    const property: MutableNode = { type: 'property', offset: keyOffset, length: -1, parent: object, children: undefined, colonOffset: this.at };
    property.children = [{ type: 'string', value: key, offset: keyOffset, length: keyLength, parent: property }, PENDING_VALUE];
    this.items[this.itemCount++] = property;
    this.at++;
    this.skipTrivia();
    this.property = property;
    return this.beginValue(property);
  }

  /**
   * Reads a scalar whole, or the opening bracket of a container, at `at`; the node is added to
   * `parent`'s children.
   */
  private beginValue(parent: MutableNode | undefined): MutableNode {
    const { text } = this;
    const offset = this.at;
    const code = text.charCodeAt(offset);
    let node: MutableNode;
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      this.at++;
      // Its children are set when it closes (see `items`).
      node = { type: code === OPEN_BRACE ? 'object' : 'array', offset, length: -1, parent, children: undefined };
    } else if (code === QUOTE) {
      const value = this.readString();
      node = { type: 'string', offset, length: this.at - offset, parent, value };
    } else if (code === MINUS || (code >= ZERO && code <= NINE)) {
      this.readNumber();
      node = { type: 'number', offset, length: this.at - offset, parent, value: Number(text.substring(offset, this.at)) };
    } else if (text.startsWith('true', offset)) {
      this.at += 4;
      node = { type: 'boolean', offset, length: 4, parent, value: true };
    } else if (text.startsWith('false', offset)) {
      this.at += 5;
      node = { type: 'boolean', offset, length: 5, parent, value: false };
    } else if (text.startsWith('null', offset)) {
      this.at += 4;
      node = { type: 'null', offset, length: 4, parent, value: null };
    } else {
      throw GIVE_UP;
    }
    if (parent?.type === 'property') {
      parent.children![1] = node;
    } else if (parent) {
      this.items[this.itemCount++] = node;
    }
    return node;
  }

  /** A string at `at` (its opening quote), decoded; `at` moves past its closing quote. */
  private readString(): string {
    const { text } = this;
    const start = this.at + 1;
    for (let i = start; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === QUOTE) {
        this.at = i + 1;
        return text.substring(start, i);
      }
      if (code === BACKSLASH) {
        return this.readEscapedString(start, i);
      }
      if (code < SPACE) {
        // A line break ends the string unclosed; another control character is an error too.
        throw GIVE_UP;
      }
    }
    throw GIVE_UP;
  }

  /** The rest of a string from its first backslash at `i`, decoding escapes as JSON does. */
  private readEscapedString(start: number, i: number): string {
    const { text } = this;
    let value = text.substring(start, i);
    let chunk = i;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === QUOTE) {
        this.at = i + 1;
        return value + text.substring(chunk, i);
      }
      if (code < SPACE) {
        throw GIVE_UP;
      }
      if (code !== BACKSLASH) {
        continue;
      }
      value += text.substring(chunk, i);
      const escaped = text.charCodeAt(++i);
      const simple = SIMPLE_ESCAPES[escaped];
      if (simple !== undefined) {
        value += simple;
      } else if (escaped === 0x75 /* u */) {
        const hex = text.substr(i + 1, 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          throw GIVE_UP;
        }
        value += String.fromCharCode(parseInt(hex, 16));
        i += 4;
      } else {
        throw GIVE_UP;
      }
      chunk = i + 1;
    }
    throw GIVE_UP;
  }

  /** A number as JSON writes it (jsonc-parser's scanner accepts exactly these). */
  private readNumber(): void {
    const { text } = this;
    let i = this.at;
    if (text.charCodeAt(i) === MINUS) {
      i++;
    }
    if (text.charCodeAt(i) === ZERO) {
      i++;
    } else {
      const end = this.digitsFrom(i);
      if (end === i) {
        throw GIVE_UP;
      }
      i = end;
    }
    if (text.charCodeAt(i) === DOT) {
      const end = this.digitsFrom(i + 1);
      if (end === i + 1) {
        throw GIVE_UP;
      }
      i = end;
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      if (text.charCodeAt(i) === PLUS || text.charCodeAt(i) === MINUS) {
        i++;
      }
      const end = this.digitsFrom(i);
      if (end === i) {
        throw GIVE_UP;
      }
      i = end;
    }
    this.at = i;
  }

  /** Where the digits from `from` end. */
  private digitsFrom(from: number): number {
    const { text } = this;
    let end = from;
    while (end < text.length && text.charCodeAt(end) >= ZERO && text.charCodeAt(end) <= NINE) {
      end++;
    }
    return end;
  }

  /** Skips spaces, tabs, line breaks and comments (`//` to the line's end, `/* … *\/`). */
  private skipTrivia(): void {
    const { text } = this;
    for (;;) {
      const code = text.charCodeAt(this.at);
      if (code === SPACE || code === LINE_FEED || code === CARRIAGE_RETURN || code === TAB) {
        this.at++;
      } else if (code === SLASH) {
        const next = text.charCodeAt(this.at + 1);
        if (next === SLASH) {
          this.at += 2;
          while (this.at < text.length && text.charCodeAt(this.at) !== LINE_FEED && text.charCodeAt(this.at) !== CARRIAGE_RETURN) {
            this.at++;
          }
        } else if (next === STAR) {
          const end = text.indexOf('*/', this.at + 2);
          if (end < 0) {
            throw GIVE_UP;
          }
          this.at = end + 2;
        } else {
          throw GIVE_UP;
        }
      } else {
        return;
      }
    }
  }
}

function closingOf(container: Node): number {
  return container.type === 'object' ? CLOSE_BRACE : CLOSE_BRACKET;
}

const SIMPLE_ESCAPES: Record<number, string> = {
  [QUOTE]: '"',
  [BACKSLASH]: '\\',
  [SLASH]: '/',
  0x62: '\b',
  0x66: '\f',
  0x6e: '\n',
  0x72: '\r',
  0x74: '\t',
};
