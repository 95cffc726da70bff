"""Near-duplicate detection: MinHash signatures of word 5-shingles and LSH bands.

A signature has 128 values (datasketch's MinHash). It is cut into 32 bands of 4
rows; two texts that share any band are candidates, and a candidate is a near
duplicate when the signatures agree on at least the configured share of values
(an estimate of the Jaccard similarity of their shingle sets). With 32 x 4 bands a
pair with similarity 0.7 becomes a candidate with probability above 0.999, and a
pair at 0.3 with probability about 0.23, so candidates stay few.
"""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash

from koreawatch.text import normalized_words

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 5
SEED = 20210315


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Word ``size``-grams of the text (the whole text when it is shorter)."""
    words = normalized_words(text)
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> bytes:
    """The MinHash signature of ``text`` as 128 little-endian uint32 values."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch(list(shingles(text)))
    return np.asarray(minhash.hashvalues, dtype="<u4").tobytes()


def band_keys(sig: bytes) -> list[tuple[int, int]]:
    """``(band, bucket)`` pairs of a signature; buckets are signed 64-bit integers."""
    width = ROWS * 4
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(sig[band * width:(band + 1) * width], digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "little", signed=True)))
    return keys


def similarity(sig_a: bytes, sig_b: bytes) -> float:
    """Estimated Jaccard similarity: the share of equal signature values."""
    a = np.frombuffer(sig_a, dtype="<u4")
    b = np.frombuffer(sig_b, dtype="<u4")
    return float(np.mean(a == b))
