//! Unit tests, one or more per signal, on sentences written for them.

use super::*;

fn kind_of(text: &str, needle: &str) -> ZoneKind {
    let l = analyze(text);
    let at = text.find(needle).expect("needle in text");
    let z = l
        .zones
        .iter()
        .find(|z| z.span.contains(Span::new(at, at + needle.len())))
        .unwrap_or_else(|| panic!("{needle:?} crosses zones: {:?}", l.zones));
    z.kind
}

fn assert_partition(text: &str) {
    let zones = analyze(text).zones;
    assert!(!zones.is_empty());
    assert_eq!(zones[0].span.start, 0);
    assert_eq!(zones.last().map(|z| z.span.end), Some(text.len()));
    for w in zones.windows(2) {
        assert_eq!(w[0].span.end, w[1].span.start);
        assert_ne!(w[0].kind, w[1].kind, "neighbours are merged");
    }
    for z in &zones {
        assert!(z.span.start < z.span.end || text.is_empty());
        assert!(text.is_char_boundary(z.span.start) && text.is_char_boundary(z.span.end));
    }
}

#[test]
fn empty_and_blank_texts_are_one_body_zone() {
    for t in ["", "\n", "   \n\n"] {
        let z = analyze(t).zones;
        assert_eq!(z.len(), 1);
        assert_eq!(z[0].kind, ZoneKind::Body);
        assert_eq!(z[0].span, Span::new(0, t.len()));
    }
}

#[test]
fn plain_text_is_body() {
    let t = "Harga gabah naik.\n\nPetani senang karena panen melimpah tahun ini.";
    let l = analyze(t);
    assert_eq!(l.zones.len(), 1);
    assert_eq!(l.zones[0].kind, ZoneKind::Body);
    assert!(l.meta.is_empty());
}

#[test]
fn zones_partition_crlf_and_multibyte_text() {
    assert_partition("Judul Berita Hari Ini\r\nSenin, 4 Maret 2024 10:00 WIB\r\nJAKARTA, KOMPAS.com — Warga menanam pohon di tepi sungai yang tercemar sampah plastik.\r\n");
    assert_partition("“Kutipan” saja — tanpa apa-apa. Baca Juga: Judul Lain “Kata” dia.");
    assert_partition("é\n•\n×");
}

#[test]
fn ticker_rows_are_recognised() {
    let c = cues();
    assert!(is_ticker(c, "• IDX 7.161   -53,30   -0,74%"));
    assert!(!is_ticker(
        c,
        "Inflasi tahunan tercatat 2,5% pada bulan lalu menurut data resmi pemerintah."
    ));
}

#[test]
fn credits_parse_into_fields() {
    let c = cues();
    let got = parse_credits(c, "Sumber: Reuters | Editor: Putri Amelia").unwrap();
    assert_eq!(
        got,
        vec![
            (Field::Source, "Reuters".into()),
            (Field::Editor, "Putri Amelia".into())
        ]
    );
    assert_eq!(
        parse_credits(c, "Red: Agus Salim").unwrap()[0].0,
        Field::Editor
    );
    assert_eq!(parse_credits(c, "Sumber : Antara").unwrap()[0].1, "Antara");
    assert!(parse_credits(c, "Oleh karena itu warga diminta waspada").is_none());
    assert_eq!(bare_label(c, "Editor:"), Some(Field::Editor));
    assert_eq!(bare_label(c, "Pewarta:"), Some(Field::Reporter));
    assert_eq!(bare_label(c, "Editorial"), None);
}

#[test]
fn strong_datelines() {
    let c = cues();
    let cases = [
        ("KONTAN.CO.ID - MOSKOW. Pada Kamis", Some("MOSKOW"), "Pada"),
        ("KONTAN.CO.ID - NEW YORK . Harga", Some("NEW YORK"), "Harga"),
        ("JAKARTA, KOMPAS.com - Menteri", Some("JAKARTA"), "Menteri"),
        ("Jakarta (ANTARA) - Presiden", Some("Jakarta"), "Presiden"),
        (
            "Liputan6.com, Jakarta - Pemerintah",
            Some("Jakarta"),
            "Pemerintah",
        ),
        ("TEMPO.CO, Jakarta - Polisi", Some("Jakarta"), "Polisi"),
        (
            "REPUBLIKA.CO.ID, JAKARTA -- Aktris",
            Some("JAKARTA"),
            "Aktris",
        ),
        ("Bisnis.com, JAKARTA—Dolar", Some("JAKARTA"), "Dolar"),
        ("TRIBUNNEWS.COM - Mantan", None, "Mantan"),
    ];
    for (s, city, body) in cases {
        let d = strong_dateline(c, s, 0).unwrap_or_else(|| panic!("no dateline in {s:?}"));
        assert_eq!(d.city.as_deref(), city, "{s}");
        assert!(
            s[d.end..].starts_with(body),
            "{s}: body at {:?}",
            &s[d.end..]
        );
    }
    assert!(strong_dateline(c, "kontan.co.id", 0).is_none());
    assert!(strong_dateline(c, "Kompas.com, menyebutkan bahwa", 0).is_none());
}

/// The byte test in front of the strong dateline regexes passes everything they match (and
/// turns prose away).
#[test]
fn strong_dateline_byte_test_passes_every_match() {
    let c = cues();
    let lines = [
        "JAKARTA, KOMPAS.com - Menteri",
        "Jakarta (ANTARA) - Presiden",
        "NEW YORK/JAKARTA, KONTAN.CO.ID - Harga",
        "Kota Baru, Kalimantan (ANTARA) - Warga",
        "JAKARTA\n(ANTARA) - Polisi",
        "Jakarta\u{a0}(ANTARA) - Polisi",
        "Liputan6.com, Jakarta - Pemerintah",
        "detik-news.co.id - JAKARTA - Harga",
        "9news.tv - Berita",
        "Bisnis.com, JAKARTA—Dolar",
        "Pemerintah menaikkan harga, kata menteri.",
        "Jakarta - Pemerintah",
        "Harga naik 5 persen (data BPS).",
        "Menurut Budi, harga naik.",
        "Ia berkata (kemarin) bahwa",
        "",
    ];
    let mut matches = 0;
    for s in lines {
        let matched = c.dl_marker.is_match(s) || c.dl_domain.is_match(s);
        assert!(
            !matched || may_open_strong_dateline(s.as_bytes()),
            "{s:?} matches but the byte test turns it away"
        );
        matches += usize::from(matched);
    }
    assert!(matches >= 8, "{matches}");
    let title_lines = "Satu\nDua\nTiga\nEmpat\nLima, Enam (ANTARA)";
    for prose in [
        "Pemerintah menaikkan harga, kata",
        "Harga naik 5 persen.",
        title_lines,
    ] {
        assert!(!may_open_strong_dateline(prose.as_bytes()), "{prose}");
    }
}

#[test]
fn weak_datelines_need_spaces_around_the_dash() {
    let c = cues();
    assert!(weak_dateline(c, "JAKARTA- Gubernur", 0).is_some());
    assert!(weak_dateline(c, "Jakarta\n-\nKementerian", 0).is_some());
    assert!(weak_dateline(c, "Gaza-Ukraina bersepakat", 0).is_none());
}

#[test]
fn dateline_marks_body_start() {
    let t = "Sumber: Reuters | Editor: Putri Amelia\n\nKONTAN.CO.ID - TOKYO. Pada Selasa, bank sentral menahan bunga acuannya di level rendah.";
    let l = analyze(t);
    let body = l.zones.iter().find(|z| z.kind == ZoneKind::Body).unwrap();
    assert!(body.span.as_str(t).starts_with("Pada Selasa"));
    assert_eq!(l.meta.dateline.as_deref(), Some("TOKYO"));
    assert_eq!(l.meta.outlet.as_deref(), Some("kontan.co.id"));
}

#[test]
fn dateline_needs_a_paragraph_after_it() {
    // A menu entry shaped like `ZIS - Wakaf` is no dateline.
    let t = "ZIS - Wakaf\nBerita hari ini membahas harga pangan yang naik menjelang hari raya di banyak kota.";
    assert_eq!(analyze(t).meta.dateline, None);
}

#[test]
fn repeated_heading_is_title() {
    let t = "Menu\nBanjir Rendam Tiga Desa di Kudus\n\nRabu, 6 Maret 2024 / 08:00 WIB\nBanjir Rendam Tiga Desa di Kudus\nKUDUS - Hujan deras sejak semalam membuat sungai meluap dan merendam rumah warga.";
    let l = analyze(t);
    assert_eq!(
        l.meta.title.as_deref(),
        Some("Banjir Rendam Tiga Desa di Kudus")
    );
    assert_eq!(
        kind_of(t, "Banjir Rendam Tiga Desa di Kudus\n\n"),
        ZoneKind::Title
    );
    assert_eq!(kind_of(t, "Menu"), ZoneKind::Boilerplate);
}

#[test]
fn page_title_suffix_is_cut() {
    assert_eq!(
        title_core("Banjir di Kudus - ANTARA News"),
        "Banjir di Kudus"
    );
    assert_eq!(
        title_core("Banjir di Kudus | Republika Online"),
        "Banjir di Kudus"
    );
    assert_eq!(title_core("Banjir"), "Banjir");
}

#[test]
fn caption_prefix_in_head() {
    let t = "Sawah Kering\nSenin, 4 Maret 2024 10:00 WIB\nILUSTRASI. Sawah kering di pinggir desa.\nBANDUNG - Kemarau panjang membuat ratusan hektare sawah gagal panen tahun ini.";
    assert_eq!(kind_of(t, "ILUSTRASI. Sawah kering"), ZoneKind::Caption);
}

#[test]
fn related_link_line_and_glued_link() {
    let t = "MEDAN - Harga ikan naik karena cuaca buruk membuat nelayan tidak melaut sepekan ini.\nBaca Juga: Nelayan Belawan Libur Melaut\nPedagang ikan di pasar mengeluhkan sepinya pembeli.";
    assert_eq!(
        kind_of(t, "Baca Juga: Nelayan Belawan Libur Melaut"),
        ZoneKind::Related
    );
    assert_eq!(kind_of(t, "Pedagang ikan di pasar"), ZoneKind::Body);
}

#[test]
fn headline_end_rules() {
    let c = cues();
    let cut = |s: &str| {
        let from = s.find(':').unwrap() + 1;
        let e = headline_end(c, s, from, s.len(), 0);
        s[e..].to_string()
    };
    // Opener with a comma before the first lower-case word.
    assert!(
        cut("Baca Juga: Harga Emas Naik Lagi Menurut Andi, harga akan turun.")
            .starts_with("Menurut")
    );
    // Last capitalised word.
    assert!(cut("Baca Juga: Harga Emas Naik Lagi Pedagang mengeluh.").starts_with("Pedagang"));
    // Opening quote.
    assert!(
        cut("Baca Juga: Harga Emas Naik Lagi “Mahal sekali,” kata warga.").starts_with("“Mahal")
    );
    // Connectors keep the headline going.
    assert!(cut("Baca Juga: Rusia dan China Bahas Energi Warga menunggu.").starts_with("Warga"));
    // No lower-case word: the headline runs to the end.
    assert_eq!(cut("Baca Juga: Rusia dan China Bahas Energi"), "");
}

#[test]
fn inline_ads_are_cut_out_of_paragraphs() {
    let t = "Warga berkumpul di balai desa.  ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT Mereka membahas irigasi.";
    assert_eq!(
        kind_of(t, "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT"),
        ZoneKind::Boilerplate
    );
    assert_eq!(kind_of(t, "Mereka membahas irigasi."), ZoneKind::Body);
    assert_eq!(kind_of(t, "Warga berkumpul"), ZoneKind::Body);
}

#[test]
fn initials_end_the_body_and_tags_follow() {
    let t = "Jakarta - Pemerintah membuka pendaftaran program magang bagi lulusan baru di seluruh provinsi.\n(abc/def)\nmagang\nlulusan baru";
    assert_eq!(kind_of(t, "(abc/def)"), ZoneKind::Meta);
    assert_eq!(kind_of(t, "magang\nlulusan baru"), ZoneKind::Related);
}

#[test]
fn copyright_and_popular_blocks_are_boilerplate() {
    let t = "BOGOR - Kebun raya ditutup sementara karena banyak pohon tumbang diterpa angin kencang kemarin.\nCopyright © 2024\nTerpopuler\nPohon Tumbang Timpa Mobil";
    assert_eq!(kind_of(t, "Copyright © 2024"), ZoneKind::Boilerplate);
    assert_eq!(
        kind_of(t, "Pohon Tumbang Timpa Mobil"),
        ZoneKind::Boilerplate
    );
}

#[test]
fn related_header_inside_body_keeps_following_prose() {
    let t = "Liputan6.com, Solo - Pasar malam kembali dibuka setelah dua tahun libur karena renovasi.\nBaca Juga\nPasar Gede Direnovasi\n\"Kami senang bisa berjualan lagi,\" kata seorang pedagang.";
    assert_eq!(kind_of(t, "Pasar Gede Direnovasi"), ZoneKind::Related);
    assert_eq!(
        kind_of(t, "\"Kami senang bisa berjualan lagi,\""),
        ZoneKind::Body
    );
}

#[test]
fn outlet_table_lookup() {
    let c = cues();
    assert_eq!(
        outlet_of(c, "ANTARA News").as_deref(),
        Some("antaranews.com")
    );
    assert_eq!(outlet_of(c, "KOMPAS.com").as_deref(), Some("kompas.com"));
    assert_eq!(outlet_of(c, "TEMPO.CO").as_deref(), Some("tempo.co"));
    assert_eq!(
        outlet_of(c, "Liputan6.com").as_deref(),
        Some("liputan6.com")
    );
    assert_eq!(outlet_of(c, "Koran Lokal"), None);
}

#[test]
fn prose_and_headline_shapes() {
    assert!(is_prose(
        "Warga desa memperbaiki jembatan yang rusak akibat banjir."
    ));
    assert!(!is_prose(
        "Bagaimana Bisa Cuma Main Game Raup Duit Miliaran?"
    ));
    assert!(is_headline_like("Harga Emas Naik Lagi"));
    assert!(!is_headline_like("\"Kami senang,\" katanya"));
    assert!(is_name_like("Fino Yurio Kristo"));
    assert!(is_all_caps_name("DINI TEJA"));
    assert!(!is_all_caps_name("Dini Teja"));
}

#[test]
fn seed_page_done_when() {
    let Ok(t) = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/seed/kontan-rusia-korut.txt"
    ))
    .or_else(|_| std::fs::read_to_string("/work/shared/seed/kontan-rusia-korut.txt")) else {
        return; // the seed lives outside the repository
    };
    let l = analyze(&t);
    assert_eq!(kind_of(&t, "EMAS 1.468.000"), ZoneKind::Boilerplate);
    assert_eq!(
        kind_of(&t, "Jumat, 27 Oktober 2023 / 07:37 WIB"),
        ZoneKind::Meta
    );
    assert_eq!(
        kind_of(&t, "Sumber: Reuters | Editor: Barratut Taqiyyah Rafie"),
        ZoneKind::Meta
    );
    assert_eq!(kind_of(&t, "ILUSTRASI."), ZoneKind::Caption);
    assert_eq!(kind_of(&t, "MOSKOW."), ZoneKind::Meta);
    assert_eq!(kind_of(&t, "Pada Kamis"), ZoneKind::Body);
    assert_eq!(
        kind_of(
            &t,
            "Baca Juga: Rusia Kordinasikan Kebijakan Timur Tengah dengan China"
        ),
        ZoneKind::Related
    );
    assert_eq!(kind_of(&t, "TERBARU"), ZoneKind::Boilerplate);
    assert_eq!(kind_of(&t, "[X]"), ZoneKind::Boilerplate);
    let body = l.zones.iter().find(|z| z.kind == ZoneKind::Body).unwrap();
    assert!(body.span.as_str(&t).starts_with("Pada Kamis"));
    let m = &l.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Rusia Bakal Perkuat Hubungan dengan Korea Utara di Segala Bidang")
    );
    assert_eq!(m.published.as_deref(), Some("2023-10-27T07:37:00+07:00"));
    assert_eq!(m.source.as_deref(), Some("Reuters"));
    assert_eq!(m.editor.as_deref(), Some("Barratut Taqiyyah Rafie"));
    assert_eq!(m.dateline.as_deref(), Some("MOSKOW"));
    assert_eq!(m.outlet.as_deref(), Some("kontan.co.id"));
}

proptest::proptest! {
    #[test]
    fn any_text_is_partitioned(s in "(\\PC|\n|\r\n| - |Baca Juga: |ADVERTISEMENT|JAKARTA, KOMPAS.com - |Editor:\n|#){0,80}") {
        assert_partition(&s);
    }
}

#[test]
fn word_counts_agree_with_split_whitespace() {
    for s in [
        "",
        "   ",
        "satu",
        " dua  kata ",
        "tab\tdan\u{b}vt\u{c}ff",
        "spasi\u{a0}keras\u{2003}em\u{3000}ideografis",
        "Jakarta – Presiden menyapa warga. “Halo,” katanya.",
    ] {
        for cap in [1, 2, 3, 64] {
            let want = s.split_whitespace().take(cap).count();
            assert_eq!(words_upto(s, cap), want, "{s:?} cap {cap}");
        }
    }
}

#[test]
fn title_core_cuts_the_last_outlet_separator() {
    assert_eq!(
        title_core("Harga Cabai Naik - Berita Kota"),
        "Harga Cabai Naik"
    );
    assert_eq!(
        title_core("Harga Cabai Naik | Kota - Pos"),
        "Harga Cabai Naik | Kota"
    );
    assert_eq!(
        title_core("Harga Cabai Naik – Pos Kota"),
        "Harga Cabai Naik"
    );
    // A dash without spaces, or an em dash, is not a separator.
    assert_eq!(
        title_core("Harga Cabai-Naik—Pos Kota"),
        "Harga Cabai-Naik—Pos Kota"
    );
    // One word before the cut is too little for a title.
    assert_eq!(title_core("Cabai - Pos Kota"), "Cabai - Pos Kota");
}

#[test]
fn prefix_lists_ignore_ascii_case_and_cue_sets_skip_long_lines() {
    let c = cues();
    assert!(c.related_prefix.starts("BACA JUGA: Judul Lain"));
    assert!(!c.related_prefix.starts("Bacalah juga buku ini"));
    assert!(!c.related_head.contains(""));
    assert!(c.related_head.contains("baca juga"));
}
