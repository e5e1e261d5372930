"""Writes a synthetic JSONL corpus of Indonesian news-like articles, for the distributed tests.

The sentences are written for this repository (no scraped text). Some records have no `id`
(indotag then names them by a hash of their text), a few share a text, one line is not JSON
(an error record, which must not stop the job).

    python examples/distributed/make_corpus.py OUT.jsonl [MEGABYTES]
"""

import json
import random
import sys

PEOPLE = ["Sri Mulyani", "Budi Gunadi Sadikin", "Retno Marsudi", "Erick Thohir", "Anies Baswedan",
          "Ridwan Kamil", "Khofifah Indar Parawansa", "Basuki Hadimuljono"]
ROLES = ["Menteri Keuangan", "Menteri Kesehatan", "Gubernur Jawa Timur", "Wali Kota Bandung",
         "Ketua DPR", "Direktur Utama"]
PLACES = ["Jakarta", "Surabaya", "Medan", "Makassar", "Bandung", "Semarang", "Denpasar", "Palembang",
          "Jepang", "Korea Selatan", "Australia", "Singapura"]
TOPICS = ["harga beras", "pembangunan jalan tol", "vaksinasi anak", "ekspor nikel", "banjir rob",
          "anggaran pendidikan", "transportasi umum", "pariwisata"]
CUES = ["kata", "ujar", "ucap", "tutur", "jelas"]


def sentence(rng):
    p, r, pl, t = rng.choice(PEOPLE), rng.choice(ROLES), rng.choice(PLACES), rng.choice(TOPICS)
    forms = [
        f"{r} {p} meninjau {t} di {pl} pada Senin ({rng.randint(1, 28)}/{rng.randint(1, 12)}/2024).",
        f"\u201cKami akan menyelesaikan masalah {t} tahun ini,\u201d {rng.choice(CUES)} {p} di {pl}.",
        f"Menurut {p}, {t} di {pl} naik {rng.randint(1, 40)},{rng.randint(0, 9)} persen.",
        f"{p} mengatakan pemerintah tidak akan menunda program {t}.",
        f"Warga {pl} menyambut baik rencana {t} yang diumumkan pekan lalu.",
    ]
    return rng.choice(forms)


def article(rng):
    title = f"{rng.choice(PEOPLE)} Bahas {rng.choice(TOPICS).title()} di {rng.choice(PLACES)}"
    paras = [" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(3, 8))]
    return title + "\n\n" + "\n\n".join(paras)


def main():
    out, mb = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 3.0
    rng = random.Random(20241)
    written, i = 0, 0
    with open(out, "w", encoding="utf-8") as f:
        while written < mb * 1e6:
            i += 1
            if i == 50:
                line = "{\"id\": \"rusak\", \"text\": "  # truncated: an error record
            elif i % 7 == 0:
                line = json.dumps({"text": article(rng), "source": "tanpa-id"}, ensure_ascii=False)
            elif i % 101 == 0:
                line = json.dumps({"text": "Teks yang sama di beberapa baris."}, ensure_ascii=False)
            else:
                line = json.dumps({"id": f"art-{i}", "text": article(rng)}, ensure_ascii=False)
            f.write(line + "\n")
            written += len(line.encode()) + 1
    print(f"{out}: {i} records, {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
