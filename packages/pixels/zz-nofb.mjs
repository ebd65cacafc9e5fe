globalThis.NOFB = true;
