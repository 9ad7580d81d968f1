/**
 * Server side of WhatsApp's Noise_XX_25519_AESGCM_SHA256 handshake, mirroring Baileys'
 * client (`Utils/noise-handler.js`) step by step:
 *
 *   hash = salt = key = protocol name (exactly 32 bytes, so it is used as is)
 *   authenticate(intro header), authenticate(client ephemeral)
 *   server: authenticate(server ephemeral); mix(DH(serverEph, clientEph));
 *           static = enc(server static pub); mix(DH(serverStatic, clientEph));
 *           payload = enc(CertChain)                                   -> ServerHello
 *   client: static = enc(client noise pub); mix(DH(clientStatic, serverEph));
 *           payload = enc(ClientPayload)                               -> ClientFinish
 *   both:   k = HKDF(empty, 64, salt): client writes with k[0:32], reads with k[32:64].
 *
 * During the handshake AES-GCM uses IV = 8 zero bytes + 4-byte BE counter and AAD = hash, and
 * every ciphertext is mixed into the hash. Transport frames use separate read/write counters
 * and no AAD.
 */
import type { KeyPair } from '@whiskeysockets/baileys';
import {
  aesDecryptGCM,
  aesEncryptGCM,
  Curve,
  hkdf,
  NOISE_MODE,
  proto,
  sha256,
} from '@whiskeysockets/baileys';

const EMPTY = Buffer.alloc(0);

function counterIv(counter: number): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeUInt32BE(counter, 8);
  return iv;
}

/** Encrypts/decrypts frames after the handshake; the two directions count independently. */
export class NoiseTransport {
  private readCounter = 0;
  private writeCounter = 0;

  constructor(
    private readonly encryptKey: Uint8Array,
    private readonly decryptKey: Uint8Array,
  ) {}

  encrypt(plaintext: Uint8Array): Buffer {
    return aesEncryptGCM(plaintext, this.encryptKey, counterIv(this.writeCounter++), EMPTY);
  }

  decrypt(ciphertext: Uint8Array): Buffer {
    return aesDecryptGCM(ciphertext, this.decryptKey, counterIv(this.readCounter++), EMPTY);
  }
}

export interface HandshakeResult {
  /** The client's static Noise key: Baileys' `creds.noiseKey.public`, stable per device. */
  clientStatic: Buffer;
  payload: proto.ClientPayload;
  transport: NoiseTransport;
}

export class NoiseServerHandshake {
  private hash: Buffer;
  private salt: Buffer;
  private key: Buffer;
  private counter = 0;
  private readonly ephemeral: KeyPair = Curve.generateKeyPair();

  constructor(
    private readonly staticKey: KeyPair,
    private readonly certChain: Uint8Array,
  ) {
    const name = Buffer.from(NOISE_MODE);
    this.hash = name.length === 32 ? name : sha256(name);
    this.salt = this.hash;
    this.key = this.hash;
  }

  /** Consumes the ClientHello bytes and returns the ServerHello bytes to send. */
  respondToHello(introHeader: Uint8Array, helloBytes: Uint8Array): Buffer {
    const hello = proto.HandshakeMessage.decode(helloBytes);
    const clientEphemeral = hello.clientHello?.ephemeral;
    if (!clientEphemeral || clientEphemeral.length !== 32) {
      throw new Error('client hello without a 32-byte ephemeral key');
    }
    this.clientEphemeral = Buffer.from(clientEphemeral);
    this.authenticate(introHeader);
    this.authenticate(this.clientEphemeral);
    this.authenticate(this.ephemeral.public);
    this.mixIntoKey(Curve.sharedKey(this.ephemeral.private, this.clientEphemeral));
    const encryptedStatic = this.encrypt(this.staticKey.public);
    this.mixIntoKey(Curve.sharedKey(this.staticKey.private, this.clientEphemeral));
    const encryptedPayload = this.encrypt(this.certChain);
    return Buffer.from(
      proto.HandshakeMessage.encode({
        serverHello: { ephemeral: this.ephemeral.public, static: encryptedStatic, payload: encryptedPayload },
      }).finish(),
    );
  }

  /** Consumes the ClientFinish bytes: authenticates the client and switches to transport keys. */
  finish(finishBytes: Uint8Array): HandshakeResult {
    const finish = proto.HandshakeMessage.decode(finishBytes).clientFinish;
    if (!finish?.static || !finish.payload) {
      throw new Error('client finish without static key or payload');
    }
    const clientStatic = this.decrypt(finish.static);
    this.mixIntoKey(Curve.sharedKey(this.ephemeral.private, clientStatic));
    const payload = proto.ClientPayload.decode(this.decrypt(finish.payload));
    const keys = Buffer.from(hkdf(EMPTY, 64, { salt: this.salt, info: '' }));
    // The client writes with the first half, so the server reads with it.
    const transport = new NoiseTransport(keys.subarray(32, 64), keys.subarray(0, 32));
    return { clientStatic, payload, transport };
  }

  private clientEphemeral: Buffer = EMPTY;

  private authenticate(data: Uint8Array): void {
    this.hash = sha256(Buffer.concat([this.hash, data]));
  }

  private mixIntoKey(data: Uint8Array): void {
    const derived = Buffer.from(hkdf(Buffer.from(data), 64, { salt: this.salt, info: '' }));
    this.salt = derived.subarray(0, 32);
    this.key = derived.subarray(32, 64);
    this.counter = 0;
  }

  private encrypt(plaintext: Uint8Array): Buffer {
    const ciphertext = aesEncryptGCM(plaintext, this.key, counterIv(this.counter++), this.hash);
    this.authenticate(ciphertext);
    return ciphertext;
  }

  private decrypt(ciphertext: Uint8Array): Buffer {
    const plaintext = aesDecryptGCM(ciphertext, this.key, counterIv(this.counter++), this.hash);
    this.authenticate(ciphertext);
    return plaintext;
  }
}
