"""Reference streams for Xoshiro256StarStar (Resampling/), computed independently in Python.

Run from the worktree root:  python3 tests/ImpactEval.Statistics.Tests/Reference/design_prng.py
Writes Fixtures/design/prng.json. Python 3.11 (Debian 12), standard library only.

Algorithms (public-domain reference descriptions, re-implemented here with Python integers):
- SplitMix64 (Steele, Lea & Flood 2014): state += 0x9E3779B97F4A7C15; z = state;
  z = (z ^ z>>30) * 0xBF58476D1CE4E5B9; z = (z ^ z>>27) * 0x94D049BB133111EB; return z ^ z>>31.
- xoshiro256** (Blackman & Vigna 2018): result = rotl(s1 * 5, 7) * 9, then the xor/shift update.
- Bounded integers: Lemire (2019) multiply-shift with rejection of low < (2^64 - s) mod s.
"""
import json
import os

MASK = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro:
    def __init__(self, seed):
        st = seed
        self.s = []
        for _ in range(4):
            st, z = splitmix64(st)
            self.s.append(z)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def next_int(self, bound):
        m = self.next() * bound
        low = m & MASK
        if low < bound:
            threshold = ((1 << 64) - bound) % bound
            while low < threshold:
                m = self.next() * bound
                low = m & MASK
        return m >> 64

    def next_double(self):
        return (self.next() >> 11) * (1.0 / 9007199254740992.0)


def main():
    seeds = [0, 1, 42, 20240611, MASK]
    out = {"splitmix64_seed_1234567": [], "streams": []}
    st = 1234567
    for _ in range(5):
        st, z = splitmix64(st)
        out["splitmix64_seed_1234567"].append(str(z))
    for seed in seeds:
        g = Xoshiro(seed)
        u64 = [str(g.next()) for _ in range(8)]
        g = Xoshiro(seed)
        ints30 = [g.next_int(30) for _ in range(50)]
        g = Xoshiro(seed)
        ints7 = [g.next_int(7) for _ in range(50)]
        g = Xoshiro(seed)
        big = [g.next_int(2147483647) for _ in range(20)]
        g = Xoshiro(seed)
        doubles = [g.next_double() for _ in range(10)]
        out["streams"].append({"seed": str(seed), "uint64": u64, "int30": ints30, "int7": ints7,
                               "int_max": big, "doubles": doubles})
    path = os.path.join("tests", "ImpactEval.Statistics.Tests", "Fixtures", "design", "prng.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
    print("written", path)


if __name__ == "__main__":
    main()
