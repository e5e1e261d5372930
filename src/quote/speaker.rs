//! Who a cue names: the mention (entity, capitalised name words, pronoun or role phrase) next
//! to a reporting cue, as a [`Who`] still to be resolved.
//!
//! Kept apart from resolution (see [`super::resolution`]) because it only looks at the tokens
//! around one cue; it never needs the quotations before it. Patterns: after a post cue
//! (`kata X`), the subject before a speech verb (`X mengatakan`, skipping appositives), and
//! the X of `Menurut X`.

use super::cues::*;
use super::{Cand, Discourse, Who, FRAME_RULE};
use crate::entity::alias_guard::possessor_role;
use crate::entity::{W_HEAD, W_PORTFOLIO, W_TITLE};
use crate::span::{Entity, Label, QuoteKind, Span, TokenKind};

/// Longest speaker window after a post cue, in tokens (a role plus a long name).
const MAX_SPEAKER_WORDS: usize = 10;
/// Longest speaker window after a post cue when it opens with a title: police and military
/// roles run long (`Kepala Bidang Humas Polda Jawa Timur Komisaris Besar Dirmanto Sugeng`).
const MAX_ROLE_SPEAKER_WORDS: usize = 16;
/// Longest abbreviated title before a `.` inside a speaker window (`Pol.`, `Kol.`), in chars.
const MAX_ABBREVIATED_TITLE: usize = 4;
/// Most words in a bracketed abbreviation inside a role phrase (`( BB TNBTS )`).
const MAX_BRACKET_WORDS: usize = 3;
/// Most tokens from `selaku`/`sebagai` to the speech verb (`selaku Kepala Dinas Perhubungan
/// (Dishub) Kota Malang menuturkan`).
const MAX_CAPACITY_ROLE: usize = 14;
/// Longest name taken from the end of a role phrase, in words.
const MAX_TAIL_NAME_WORDS: usize = 3;
/// Longest role phrase in words (`juru bicara Kementerian Luar Negeri`), longer is a clause.
const MAX_ROLE_WORDS: usize = 5;
/// Words after a speaker phrase within which `yang enggan disebut namanya` may close it.
const MAX_WITHHELD_GAP: usize = 8;
/// Most words between a post cue and a social-media handle (`tulis pengguna dengan nama akun
/// @rina`).
const MAX_HANDLE_LEAD: usize = 5;
/// Longest phrase between a subject and its speech verb (`kepada wartawan di Jakarta`).
const MAX_INTERLUDE: usize = 7;

/// The words after a post cue that may name the speaker: tokens `k..end`, whether it opens
/// with a title, and the entity to prefer inside it.
struct Window<'e> {
    k: usize,
    end: usize,
    titled: bool,
    ent: Option<&'e Entity>,
}

/// Places a role's post may list between commas before the name (`Desa X, Kecamatan Y,
/// Kabupaten Z, Name`).
const MAX_PLACES_BETWEEN_COMMAS: usize = 3;

/// Lower-case words between a preposition and the name it governs (`di sidang senat terbuka
/// Universitas …`), at most.
const MAX_PREPOSITION_GAP: usize = 3;

/// Lower-case words a title may carry before the name (`pakar hukum tata negara`).
const MAX_TITLE_MODIFIERS: usize = 3;

/// Words of a short relative clause between a person's closing comma and the verb (`…, yang
/// turut hadir juga mengucapkan`).
const MAX_RELATIVE_WORDS: usize = 4;

impl<'a> Discourse<'a> {
    /// The speaker named after a post cue starting at token `k`: a pronoun, a name (entity or
    /// capitalised words) or a role phrase, up to a comma, a context word or the sentence end.
    /// The rules are tried in this order; the first that names someone wins.
    pub(super) fn speaker_after(&self, k: usize) -> Option<Who> {
        let n = self.toks.len();
        if k >= n || !self.is_word(k) || self.p(k) != self.p(k - 1) {
            return None;
        }
        if let Some(who) = self.pronoun(k) {
            return Some(who);
        }
        // `kata dalam konferensi pers …`: the writer left the speaker out; the cue points
        // back as `katanya` does
        // (or to the person whose post or statement the phrase names: `ungkap dalam
        // unggahan Ardhito`)
        let after_quote = k >= 2 && matches!(self.t(k - 2), "\"" | "”" | "’" | "'");
        if after_quote && self.is_lower(k) && self.c(k) & CONTEXT != 0 {
            let end = (k..n.min(k + MAX_SPEAKER_WORDS))
                .find(|&j| self.p(j) != self.p(k) || matches!(self.t(j), "," | "." | "\""))
                .unwrap_or(n.min(k + MAX_SPEAKER_WORDS));
            let owner = self
                .best_entity(self.span(k, end - 1))
                .filter(|e| e.label == Label::Person);
            return Some(match owner {
                Some(e) => Who::Mention(e.span),
                None => Who::Anaphor(self.toks[k - 1].span),
            });
        }
        // `kata Kompas.com`: the outlet reporting, never the speaker.
        if self.c(k) & MEDIA != 0 {
            return None;
        }
        if let Some(who) = self.account_handle(k).or_else(|| self.account_owner(k)) {
            return Some(who);
        }
        let w = self.speaker_window(k)?;
        self.name_after_possessor(&w)
            .or_else(|| self.name_after_role_comma(&w))
            .or_else(|| self.demonstrative_role(&w))
            .or_else(|| self.role_with_relative(&w))
            .or_else(|| self.kin_epithet(&w))
            .or_else(|| self.epithet(&w))
            .or_else(|| self.person_in_window(&w))
            .or_else(|| self.person_at_role_tail(&w))
            .or_else(|| self.person_at_role_end(&w))
            .or_else(|| self.indefinite_source(&w))
            .or_else(|| self.role_or_entity(&w))
            .or_else(|| self.capitalised_speaker(&w))
            .or_else(|| self.name_after_lowercase_role(&w))
            .or_else(|| self.lowercase_role(&w))
            .or_else(|| self.bare_phrase(&w))
    }

    /// A pronoun at `k` points back (`katanya`, `ujar dia`); a plural one (`kata mereka`) is
    /// said by a group nobody can name.
    fn pronoun(&self, k: usize) -> Option<Who> {
        if self.c(k) & PRON != 0 {
            return Some(Who::Anaphor(self.toks[k].span));
        }
        if self.c(k) & PRON_PLURAL != 0 {
            return Some(Who::Bare(self.toks[k].span));
        }
        None
    }

    /// `tulis akun Twitter @BMKGinfo`, `kicau pemilik akun @budi_s`: the account's handle
    /// names who writes, never the platform (`Twitter`) or the words before the handle.
    fn account_handle(&self, k: usize) -> Option<Who> {
        let n = self.toks.len();
        let h = (k..n.min(k + MAX_HANDLE_LEAD + 1))
            .take_while(|&j| {
                self.p(j) == self.p(k)
                    && (self.is_word(j) && self.c(j) & CONTEXT == 0 || self.is_handle(j))
            })
            .find(|&j| self.is_handle(j))?;
        (h == k || self.is_lower(k)).then(|| Who::Mention(self.toks[h].span))
    }

    /// `tulis akun Instagram Kementerian Ketenagakerjaan`: an account named by its owner, a
    /// known body or person, after the platform (a one-word organisation): the owner writes.
    fn account_owner(&self, k: usize) -> Option<Who> {
        if !self.t(k).eq_ignore_ascii_case("akun") || k + 2 >= self.toks.len() {
            return None;
        }
        let platform = self
            .ent_starting_at(k + 1)
            .is_some_and(|e| e.label == Label::Org && e.span == self.toks[k + 1].span);
        let owner = self
            .ent_starting_at(k + 2)
            .filter(|e| matches!(e.label, Label::Org | Label::Person))
            .filter(|_| self.p(k + 2) == self.p(k))?;
        platform.then_some(Who::Mention(owner.span))
    }

    fn is_handle(&self, j: usize) -> bool {
        self.toks
            .get(j)
            .is_some_and(|t| t.kind == TokenKind::Mention)
    }

    /// `kata seorang sumber yang dekat dengan perusahaan`, `ujar salah seorang warga Kyiv`: an
    /// unnamed source (no name after a comma: rules before this one take that). The phrase is
    /// the speaker, with nobody behind it, however long the description: neither a place in
    /// it nor the previous speaker. A spokesperson of a named body (`seorang juru bicara
    /// Google`) is left to the next rule, which gives the body.
    fn indefinite_source(&self, w: &Window) -> Option<Who> {
        let k = w.k;
        if self.c(k) & INDEFINITE == 0 || !self.is_lower(k) {
            return None;
        }
        // the determiner and the noun after it (`salah seorang` is two words)
        let mut e = k + 1;
        while e < w.end && self.c(e) & INDEFINITE != 0 && self.is_lower(e) {
            e += 1;
        }
        if e >= w.end || !self.is_lower(e) {
            return None;
        }
        // `seorang pemandu bernama Yulita`, `salah seorang saksi mata Maizarni`: named after
        // all; `seorang eksekutif Samsung`: the body speaks. Only a place leaves it unnamed.
        let place = |j: usize| {
            self.ents_over(self.toks[j].span).any(|x| {
                matches!(x.label, Label::Gpe | Label::Loc) && x.span.contains(self.toks[j].span)
            })
        };
        if (e..w.end).any(|j| self.is_cap(j) && !place(j)) && !self.withheld_name(e, w.end) {
            return None;
        }
        let last = (e..w.end.min(e + MAX_ROLE_WORDS))
            .take_while(|&j| self.is_lower(j))
            .last()
            .unwrap_or(e);
        Some(Who::Bare(self.span(k, last)))
    }

    /// In the speaker phrase `k..end` or a few words after it, the source's name is withheld
    /// (`… yang enggan disebut namanya`, `… yang tak ingin disebutkan identitasnya`): even a
    /// body in the description (`seorang mantan karyawan Facebook`) is no speaker then.
    fn withheld_name(&self, k: usize, end: usize) -> bool {
        let end = self.toks.len().min(end + MAX_WITHHELD_GAP);
        (k..end).take_while(|&j| self.p(j) == self.p(k)).any(|j| {
            matches!(
                self.t(j),
                "disebut" | "disebutkan" | "ditulis" | "dituliskan"
            ) && matches!(
                self.toks.get(j + 1).map(|t| t.span.as_str(self.text)),
                Some("namanya" | "identitasnya" | "nama")
            )
        })
    }

    /// The window after a post cue at `k`: words (and `.` after an initial or an abbreviated
    /// title) up to a comma, a context word or the paragraph's end; longer when it opens with
    /// a title (`kata Wakil Ketua Komisi III DPR …`). None when it is empty.
    fn speaker_window(&self, k: usize) -> Option<Window<'a>> {
        let n = self.toks.len();
        let mut end = k;
        // `kata Wakil Ketua …`, `kata General Manager …`: a role of one or two words
        // (`Co-Founder` is three tokens; `National Sales Director …` opens with two words)
        let titled = self.c(k) & TITLE != 0
            || self.is_cap(k)
                && (k + 1..n.min(k + 4))
                    .take_while(|&j| self.is_cap(j) || matches!(self.t(j), "-" | "&"))
                    .any(|j| self.c(j) & TITLE != 0);
        let max = if titled {
            MAX_ROLE_SPEAKER_WORDS
        } else {
            MAX_SPEAKER_WORDS
        };
        // (a bracketed abbreviation adds no words to the role: `Ketua Umum Badan Pengurus
        // Pusat (BPP) Asosiasi Eksportir dan Industri Kopi Indonesia (AEKI), Irfan Anwar`)
        let mut max = max;
        while end < n && end < k + max && self.p(end) == self.p(k) {
            let w = self.t(end);
            let ok = if self.is_word(end) {
                // (a capitalised context word is a name's: `Menteri Dalam Negeri`)
                end == k || self.c(end) & CONTEXT == 0 || self.is_cap(end)
            } else {
                w == "."
                    && end > k
                    && self.is_cap(end - 1)
                    && (self.t(end - 1).chars().count() == 1
                        || self.c(end - 1) & (TITLE | TITLE_TAIL) != 0
                            && self.t(end - 1).chars().count() <= MAX_ABBREVIATED_TITLE
                            && self.is_cap(end + 1)
                            && self.p(end + 1) == self.p(k))
                    || w == "-"
                    || end > k && self.role_punctuation(end) && {
                        if let Some(close) = (w == "(").then(|| self.bracket_close(end)).flatten() {
                            max += close + 1 - end;
                        }
                        true
                    }
                    // (`Manager Humas Daop 8 Surabaya`: a unit's number inside a role)
                    || end > k
                        && self.toks[end].kind == TokenKind::Number
                        && (self.is_lower(k) || titled && self.is_cap(end - 1))
            };
            if !ok {
                break;
            }
            end += 1;
        }
        if end == k {
            return None;
        }
        let ent = self.best_entity(self.span(k, end - 1));
        Some(Window {
            k,
            end,
            titled,
            ent,
        })
    }

    /// `kata Juru Bicara Partai X, Budi Santoso`: a titled window closed by a comma is a role,
    /// and the name after the comma is the speaker — only a person the entity stage found or a
    /// run of name words (not `Kamis`); a place between commas is still the role's.
    ///
    /// A capitalised window with no title (a role the titles list lacks: `kata Kalapas
    /// Kotabumi, Sudarmin Jaya`) counts only when the entity stage found a person right after
    /// the comma; a person's name is not followed by another person's.
    fn name_after_role_comma(&self, w: &Window) -> Option<Who> {
        let comma = self.role_comma(w)?;
        if !w.titled {
            let own = w.ent.is_some_and(|e| e.label == Label::Person);
            return match self.name_after_comma(comma + 1)? {
                Who::Mention(span) if !own && self.person_at(span) => Some(Who::Mention(span)),
                _ => None,
            };
        }
        match self.name_after_comma(comma + 1) {
            // (a place after the comma is the post's, not a name: `di Sarinah, Jakarta Pusat`)
            Some(Who::Mention(_)) if self.place_at(comma + 1).is_some() => {}
            Some(who) => return Some(who),
            None => {}
        }
        // `kata Ketua Cabang NU Kencong, Jember, Ahmad Fauzan`: a place between commas is
        // still the role's.
        // (or several: `… Desa Kananta, Kecamatan Soromandi, Suradi`)
        let mut at = comma + 1;
        // (one word after places only for a window with no person in it: not `kata Gubernur
        // Khofifah di Gedung Grahadi, Surabaya, Senen (11/9)`)
        let own = w.ent.is_some_and(|e| e.label == Label::Person);
        for _ in 0..MAX_PLACES_BETWEEN_COMMAS {
            let Some(j) = self.place_between_commas(at) else {
                break;
            };
            let who = self
                .name_after_comma(j)
                .or_else(|| (!own).then(|| self.one_word_name_after_comma(j)).flatten());
            match who {
                Some(Who::Mention(_))
                    if self
                        .ent_starting_at(j)
                        .is_some_and(|e| e.label != Label::Person) =>
                {
                    at = j
                }
                Some(who) => return Some(who),
                None => break,
            }
        }
        self.one_word_name_after_comma(comma + 1)
    }

    /// `kata kuasa hukum Hendra Gunawan, Arman Santoso`, `ujar anak Kusnadi, Teddy`: a word
    /// for someone's lawyer, relative or aide, then that someone, then a comma: the name after
    /// the comma holds the role and is the speaker, never the possessor.
    fn name_after_possessor(&self, w: &Window) -> Option<Who> {
        // (the role's words all lower-case up to the possessor, or all capitalised and two or
        // more: `Kuasa Hukum X`, not `Ibu Ani` or `Putri Candrawathi`)
        let j = if self.is_lower(w.k) {
            (w.k + 1..w.end)
                .find(|&j| !self.is_lower(j))
                .filter(|&j| self.is_cap(j))?
        } else {
            (w.k + 2..w.end)
                .find(|&j| possessor_role(self.t(j - 1)))
                .filter(|&j| (w.k..j).all(|x| self.is_cap(x)))?
        };
        let comma = w.end;
        let owned =
            possessor_role(self.t(j - 1)) && (j..comma).all(|x| self.is_cap(x) || self.t(x) == ".");
        if !owned || comma + 1 >= self.toks.len() || self.t(comma) != "," {
            return None;
        }
        if self.place_at(comma + 1).is_some() {
            return None;
        }
        self.name_after_comma(comma + 1)
            .or_else(|| self.one_word_name_after_comma(comma + 1))
    }

    /// The comma that closes a role window: right after it, or after the place or body of the
    /// post (`kata Duta Besar RI di Qatar, Rizal Hasan`, `kata dokter spesialis paru di RS
    /// Harapan Kita, Budi Santoso`, `ujar peneliti dari Universitas Jember, Ani Lestari`).
    fn role_comma(&self, w: &Window) -> Option<usize> {
        if !w.titled && !self.is_cap(w.k) {
            // `kata seorang pengemudi ojol, Wawan (35)`: a lower-case role the titles list
            // lacks, when the entity stage found a person right after its comma
            // (closed as an apposition is: a comma, the end, an age, a context word; not the
            // subject of the next clause, `kata polisi, Budi Santoso sempat melarikan diri`)
            let j = w.end;
            let n = self.toks.len();
            let person_next = j + 1 < n
                && self.t(j) == ","
                && self.p(j + 1) == self.p(w.k)
                && self.ent_starting_at(j + 1).is_some_and(|e| {
                    let after = self.toks.partition_point(|t| t.span.start < e.span.end);
                    e.label == Label::Person
                        && (after >= n
                            || matches!(self.t(after), "," | "." | "(")
                            || self.is_lower(after) && self.c(after) & CONTEXT != 0)
                });
            return person_next.then_some(j);
        }
        let mut j = w.end;
        let place = (w.titled && self.t(j) == "di")
            .then(|| self.place_at(j + 1))
            .flatten();
        if let Some(after) = place {
            j = after;
        } else if w.titled && matches!(self.t(j), "di" | "dari") && self.role_only(w) {
            j = self.affiliation_end(j + 1)?;
            // (after a capitalised role, only a name: `kata Presiden di Plenary Al Ghafat,
            // Expo City Dubai` names where he spoke)
            if self.is_cap(w.k) && !self.name_starts(j + 1) {
                return None;
            }
        }
        (j + 1 < self.toks.len() && self.t(j) == "," && self.p(j + 1) == self.p(w.k)).then_some(j)
    }

    /// A person's name starts at token `j`: a person entity, or capitalised words that read as
    /// a name.
    fn name_starts(&self, j: usize) -> bool {
        if j >= self.toks.len() || !self.is_cap(j) {
            return false;
        }
        if let Some(e) = self.ent_starting_at(j) {
            return e.label == Label::Person;
        }
        let (a, b) = self.cap_run_from(j, self.toks.len().min(j + MAX_SPEAKER_WORDS));
        self.speaker_name_like(self.span(a, b))
    }

    /// The token after a place (GPE or LOC entity) that starts at token `j`.
    fn place_at(&self, j: usize) -> Option<usize> {
        let place = self
            .ent_starting_at(j)
            .filter(|e| matches!(e.label, Label::Gpe | Label::Loc))?;
        Some(self.toks.partition_point(|t| t.span.start < place.span.end))
    }

    /// The window holds a role and no name: it opens lower-case, has no person in it, and
    /// ends in a lower-case or title word (`dokter spesialis paru`, not `Menteri Keuangan Sri
    /// Mulyani`; not a lone `Presiden`, whose holder the resolution finds).
    fn role_only(&self, w: &Window) -> bool {
        let last = w.end - 1;
        // (or capitalised, when every word is a title's or a portfolio's: `Ekonom Senior`,
        // `Peneliti Senior`, not `Menteri Keuangan Sri Mulyani`)
        let titled_words = self.is_cap(w.k)
            && (w.k..w.end).all(|j| self.c(j) & (TITLE | TITLE_TAIL) != 0 || self.role_word(j));
        (self.is_lower(w.k) && (self.is_lower(last) || self.c(last) & TITLE != 0) || titled_words)
            && w.ent.is_none_or(|e| e.label != Label::Person)
    }

    /// The token after the place or body that starts at token `j` (after `di`/`dari` in a
    /// role): an entity other than a person, or else a run of capitalised words the entity
    /// stage did not name (`Eka Hospital Cibubur`).
    fn affiliation_end(&self, j: usize) -> Option<usize> {
        if j >= self.toks.len() || !self.is_cap(j) {
            return None;
        }
        // (past an entity, the capitalised words that continue its name: `RS Harapan` of
        // `RS Harapan Kita`)
        let mut b = j;
        if let Some(e) = self.ent_starting_at(j) {
            if e.label == Label::Person {
                return None;
            }
            b = self.toks.partition_point(|t| t.span.start < e.span.end);
        }
        let end = self.toks.len().min(b.max(j + MAX_SPEAKER_WORDS));
        while b < end
            && (self.is_cap(b) || self.toks[b].kind == TokenKind::Number)
            && self.c(b) & (ANY_SAY | POST) == 0
        {
            b += 1;
        }
        (b > j && self.p(b) == self.p(j)).then_some(b)
    }

    /// `span` is exactly a person the entity stage found.
    fn person_at(&self, span: Span) -> bool {
        self.ent_at(span)
            .is_some_and(|i| self.ents[i].label == Label::Person)
    }

    /// `ujar pejabat itu`, `kata Ketua Partai X tersebut`: a role ending in a demonstrative
    /// points back to the person already talked about, never to the body inside the role.
    fn demonstrative_role(&self, w: &Window) -> Option<Who> {
        let k = w.k;
        let d = (k + 1..w.end)
            .find(|&d| self.c(d) & DEMONSTRATIVE != 0)
            .or_else(|| self.demonstrative_after_place(w))?;
        let limit = if w.titled {
            MAX_ROLE_SPEAKER_WORDS
        } else {
            MAX_ROLE_WORDS + 1
        };
        // a role, not a name plus a time phrase (`Eko Budi belum lama ini`)
        // (`berusia 16 tahun itu` is an age, part of the role)
        let role = self.c(d - 1) & TIME_NOUN == 0
            || !self.is_lower(d - 1)
            || self.toks[d - 2].kind == TokenKind::Number;
        // (a demonstrative after a speech verb is the claim's, and a person named before the
        // verb is the one meant: `ujar Manajer Humas Daop 8 Luqman Arif menjelaskan rencana
        // itu`; not `kata suami Mulan Jameela itu`, where the person is a possessor)
        let named = w.ent.is_some_and(|e| {
            let after = self.toks.partition_point(|t| t.span.start < e.span.end);
            e.label == Label::Person
                && after < d
                && (after..d).any(|j| self.is_lower(j) && self.c(j) & ANY_SAY != 0)
        });
        (d <= k + limit && (w.titled || self.is_lower(k)) && role && !named)
            .then(|| Who::Anaphor(self.span(k, d)))
    }

    /// `tegas menteri asal Bone, Sulawesi Selatan ini`: the window stopped at the comma of a
    /// place apposed to the one it ends with; the demonstrative right after that place.
    fn demonstrative_after_place(&self, w: &Window) -> Option<usize> {
        if w.end + 1 >= self.toks.len() || self.t(w.end) != "," || !self.place_ends_at(w.end - 1) {
            return None;
        }
        let d = self.place_at(w.end + 1)?;
        (d < self.toks.len() && self.c(d) & DEMONSTRATIVE != 0 && self.p(d) == self.p(w.k))
            .then_some(d)
    }

    /// `kata Direktur Utama PT DI yang juga perwira tinggi TNI AU`: a role with no name, then a
    /// relative clause adding what else its holder is, describes someone already talked
    /// about: the salient person, never the body inside the role.
    fn role_with_relative(&self, w: &Window) -> Option<Who> {
        let k = w.k;
        let y = (k + 1..w.end).find(|&j| self.t(j) == "yang")?;
        let role = self.c(k) & TITLE != 0
            && (k..y).all(|j| self.is_cap(j) || self.t(j) == "." || self.role_punctuation(j));
        // (a name at the clause's end is the speaker: `ujar Pendiri FPCI yang juga mantan
        // Menlu Dino Patti Djalal`)
        let named = w.ent.is_some_and(|e| e.label == Label::Person);
        (role && !named && y + 1 < w.end && relative_lead(self.t(y + 1)))
            .then(|| Who::Anaphor(self.span(k, y - 1)))
    }

    /// `ungkap suami Mulan Jameela itu`, `kata mantan istri Teuku Ryan tersebut`: a relative
    /// of someone named, with a demonstrative, points back to the salient person (the
    /// husband the article is about), never to the one named in the phrase.
    fn kin_epithet(&self, w: &Window) -> Option<Who> {
        let k = w.k;
        let noun = (k..w.end.min(k + 2)).find(|&j| self.is_lower(j) && self.c(j) & KIN != 0)?;
        let e = w.ent.filter(|e| e.label == Label::Person)?;
        let after = self.toks.partition_point(|t| t.span.start < e.span.end);
        // (the person right after the noun: not a name before it, `kata Jokowi suami …`)
        let opens = self
            .toks
            .get(noun + 1)
            .is_some_and(|t| t.span.start == e.span.start);
        (opens && after < w.end && self.c(after) & DEMONSTRATIVE != 0)
            .then(|| Who::Anaphor(self.span(k, after)))
    }

    /// `ucap pria yang akrab disapa Toto`, `kata wanita asal Bandung`: an epithet, a noun for
    /// a person with a word tying a description to it, points back to the salient person.
    /// The phrase ends at its last capitalised word when it has one (`pria yang akrab
    /// disapa Toto` of `… Toto belum lama ini`).
    fn epithet(&self, w: &Window) -> Option<Who> {
        let k = w.k;
        // (or a nationality or home town right after the noun: `ujar pria Kosta Rika yang
        // …`, `kata wanita Jepang itu`)
        // (not when a name follows the place: `kata wanita Jepang Yuki Tanaka` names her)
        let place_then_no_name = self
            .place_at(k + 1)
            .is_some_and(|p| p >= w.end || !self.is_cap(p));
        let linked = k + 1 < w.end && (self.c(k + 1) & EPITHET_LINK != 0 || place_then_no_name);
        if !(self.is_lower(k) && self.c(k) & EPITHET != 0 && linked) {
            return None;
        }
        // (a person named after a title inside it is the one meant: `kata wanita yang juga
        // Menteri Keuangan Sri Mulyani`; a nickname after `disapa` is not a name to resolve)
        if let Some(e) = w.ent.filter(|e| e.label == Label::Person) {
            let a = self.toks.partition_point(|t| t.span.start < e.span.start);
            let nickname = (k..a).any(|j| self.c(j) & NICKNAME != 0);
            if a > k && !nickname && self.c(a - 1) & TITLE != 0 {
                return Some(Who::Mention(e.span));
            }
        }
        let end = (k + 2..w.end)
            .rev()
            .find(|&j| self.is_cap(j))
            .unwrap_or(w.end - 1);
        Some(Who::Anaphor(self.span(k, end)))
    }

    /// `kata Menteri Keuangan Sri Mulyani`: a person the entity stage found in the window —
    /// unless a further title follows it (`Kapolsek Mulyorejo Kompol Sugeng Rianto`, a place
    /// taken for a name), which makes it part of the role.
    fn person_in_window(&self, w: &Window) -> Option<Who> {
        let titled_after = |e: &Entity| {
            let j = self.toks.partition_point(|t| t.span.start < e.span.end);
            (j..w.end).any(|x| self.c(x) & TITLE != 0 && self.is_cap(x))
        };
        w.ent
            .filter(|e| e.label == Label::Person && !titled_after(e))
            .map(|e| Who::Mention(e.span))
    }

    /// A long role: the person after its last title (`… Komisaris Besar Dirmanto Sugeng`).
    fn person_at_role_tail(&self, w: &Window) -> Option<Who> {
        if !w.titled && !self.is_cap(w.k) {
            return None;
        }
        let (a, b) = self.cap_run_from(w.k, w.end);
        if self.unit_number_after(b, w.end) {
            return None;
        }
        let (x, y) = self.role_tail_name(a, b)?;
        Some(Who::Mention(self.span(x, y)))
    }

    /// A number follows the capitalised run ending at `b`, inside the window: the run names a
    /// numbered unit (`Daop 8`, `Kodim 0712`, `SMKN 1`), not a person.
    fn unit_number_after(&self, b: usize, end: usize) -> bool {
        b + 1 < end && self.toks[b + 1].kind == TokenKind::Number
    }

    /// A role with punctuation or bodies inside (`Pendiri & CEO Kopi Senja Rina Hartati`): the
    /// name words at its end.
    fn person_at_role_end(&self, w: &Window) -> Option<Who> {
        if !w.titled {
            return None;
        }
        let (x, y) = self.role_end_name(w.k, w.end)?;
        Some(Who::Mention(self.span(x, y)))
    }

    /// A capitalised window with a non-person entity: a role ending in a body
    /// (`kata Direktur Utama Bank Mandiri`) is the role phrase, never the body; otherwise the
    /// entity itself.
    fn role_or_entity(&self, w: &Window) -> Option<Who> {
        let e = w.ent?;
        if !self.is_cap(w.k) {
            return None;
        }
        if w.titled {
            let (a, b) = self.cap_run_from(w.k, w.end);
            if self.toks[b].span.end >= e.span.end {
                return Some(Who::Mention(self.span(a, b)));
            }
        }
        Some(Who::Mention(e.span))
    }

    /// `kata Budi Santoso`: a capitalised window with no entity is a name, titles stripped.
    fn capitalised_speaker(&self, w: &Window) -> Option<Who> {
        if !self.is_cap(w.k) {
            return None;
        }
        let (a0, b) = self.cap_run_from(w.k, w.end);
        // (`ujar Manajer Humas Daop 8 Luqman`: a role up to a unit's number, and a one-word
        // name after it that may as well be the unit's place: the role, no name)
        if a0 < b && self.unit_number_after(b, w.end) {
            return Some(Who::Mention(self.span(a0, w.end - 1)));
        }
        let (a, b) = self.strip_titles(a0, b);
        // `ujar Menteri Keuangan`, `kata Kepala Desa`, `ujar Wali Kota`: what is left after the
        // title is the title's portfolio or head, no name: the whole phrase is a role (linked
        // to its holder later), not a person called `Keuangan`
        if a > a0 && (a..=b).all(|k| self.role_word(k)) {
            return Some(Who::Mention(self.span(a0, b)));
        }
        Some(Who::Mention(self.span(a, b)))
    }

    /// Token `k` is a word of a role phrase that no name has: a portfolio (`Keuangan`), the
    /// head of a body or place (`Dinas`, `Desa`, `Kota`) or a title.
    fn role_word(&self, k: usize) -> bool {
        self.word_flags(k) & (W_PORTFOLIO | W_HEAD | W_TITLE) != 0
    }

    /// A lowercase role with capitals in it (`juru bicara Kremlin`, `analis UBS Giovanni
    /// Staunovo`): a multi-word name after the role is the speaker; a single capitalised word
    /// is part of the role.
    fn name_after_lowercase_role(&self, w: &Window) -> Option<Who> {
        let j = (w.k..w.end).find(|&j| self.is_cap(j))?;
        let (a, b) = self.cap_run_from(j, w.end);
        let (sa, sb) = self.strip_titles(a, b);
        if sb > sa || self.c(w.k) & TITLE == 0 {
            return Some(Who::Mention(self.span(sa, sb)));
        }
        Some(Who::Mention(self.span(w.k, b)))
    }

    /// All lowercase and opening with a title (`ujar kepala desa`): a role, linked to its
    /// holder later if the article names one.
    fn lowercase_role(&self, w: &Window) -> Option<Who> {
        (w.end - w.k <= MAX_ROLE_WORDS && self.c(w.k) & TITLE != 0)
            .then(|| Who::Mention(self.span(w.k, w.end - 1)))
    }

    /// Any other short lowercase noun phrase (`kata para pejabat`): the phrase says it, with
    /// no known person behind it.
    fn bare_phrase(&self, w: &Window) -> Option<Who> {
        (w.end - w.k <= MAX_ROLE_WORDS).then(|| Who::Bare(self.span(w.k, w.end - 1)))
    }

    /// The name at the end of the role window `k..end`: up to three name words (initials
    /// allowed) read back from its end, after a boundary that shows the role is over — two
    /// or more name words, or one after a bracket, a title, an acronym or a known body or
    /// place (`Kepala Dinas Perhubungan (Dishub) Kota Malang Wahyu Setianto`).
    fn role_end_name(&self, k: usize, end: usize) -> Option<(usize, usize)> {
        let last = end.checked_sub(1).filter(|&l| l > k && self.is_word(l))?;
        let mut x = last + 1;
        let mut words = 0;
        while x > k + 1 && words < MAX_TAIL_NAME_WORDS {
            let j = x - 1;
            let initial = self.t(j) == "." && self.t(j - 1).chars().count() == 1;
            if initial {
                x -= 1;
                continue;
            }
            if !self.name_like(self.toks[j].span) {
                break;
            }
            words += 1;
            x = j;
        }
        if words == 0 || x <= k {
            return None;
        }
        let boundary = x - 1;
        let w = self.t(boundary);
        let acronym = w.chars().count() >= 2 && w.chars().all(|c| !c.is_lowercase());
        let body = self
            .ents_over(self.toks[boundary].span)
            .any(|e| e.label != Label::Person);
        let clear = words >= 2
            || w == ")"
            || acronym
            || body
            || self.c(boundary) & (TITLE | TITLE_TAIL) != 0;
        clear.then_some((x, last))
    }

    /// Punctuation that stays inside a role phrase after a cue: a bracketed abbreviation
    /// (`Kepala Dinas Perhubungan (Dishub) Kota Malang …`), `&` between titles (`Founder &
    /// CEO …`) and a `/` before a second title (`Menteri PPN/Kepala Bappenas`). Token `j` is
    /// the punctuation mark.
    fn role_punctuation(&self, j: usize) -> bool {
        let same = |x: usize| x < self.toks.len() && self.p(x) == self.p(j);
        match self.t(j) {
            "(" => self.bracket_close(j).is_some(),
            ")" => {
                (j.saturating_sub(MAX_BRACKET_WORDS + 1)..j)
                    .rev()
                    .find(|&o| self.t(o) == "(")
                    .and_then(|o| self.bracket_close(o))
                    == Some(j)
            }
            "&" => self.is_cap(j - 1) && same(j + 1) && self.is_cap(j + 1),
            // `Menteri PPN/Kepala Bappenas, …`: two posts held at once
            "/" => {
                self.is_cap(j - 1)
                    && same(j + 1)
                    && self.c(j + 1) & TITLE != 0
                    && self.toks[j].span.start == self.toks[j - 1].span.end
            }
            _ => false,
        }
    }

    /// The `)` closing the bracketed abbreviation that opens at token `o` inside a role
    /// phrase: one to three capitalised words (`(Dishub)`, `( BB TNBTS )`, `(Purn)`), or one
    /// lower-case word after a lower-case role word (`juru bicara (jubir)`), in the same
    /// paragraph. Not an age, a date or a handle (`(35)`, `(14/6)`, `(@budi)`).
    fn bracket_close(&self, o: usize) -> Option<usize> {
        let n = self.toks.len();
        let close = (o + 2..n.min(o + MAX_BRACKET_WORDS + 2)).find(|&x| self.t(x) == ")")?;
        let inside = o + 1..close;
        let capitalised = inside.clone().all(|x| self.is_cap(x));
        let lower_abbrev = close == o + 2
            && o > 0
            && self.is_lower(o - 1)
            && self.is_lower(o + 1)
            && self.t(o + 1).chars().count() <= MAX_ABBREVIATED_TITLE + 1;
        // (after a person's name it gives a nickname, not a role's body: `Menteri Sosial
        // Saifullah Yusuf (Gus Ipul)`)
        let after_person = o > 0
            && self
                .ent_ending_at(self.toks[o - 1].span.end)
                .is_some_and(|i| self.ents[i].label == Label::Person);
        ((capitalised || lower_abbrev) && !after_person && self.p(close) == self.p(o))
            .then_some(close)
    }

    /// After `role,`: a place or body the entity stage found, closed by another comma
    /// (`…, Jember, Ahmad Fauzan`). Returns the token after that comma.
    fn place_between_commas(&self, j: usize) -> Option<usize> {
        let e = self
            .ent_starting_at(j)
            .filter(|e| e.label != Label::Person)?;
        let after = self.toks.partition_point(|t| t.span.start < e.span.end);
        (after + 1 < self.toks.len() && self.t(after) == "," && self.p(after + 1) == self.p(j))
            .then_some(after + 1)
    }

    /// After `role,`: a one-word name that ends the phrase (`kata General Manager Bandara X,
    /// Wahyudi.`), never a day, month, common word or acronym (`…, Selasa.`).
    fn one_word_name_after_comma(&self, j: usize) -> Option<Who> {
        if j >= self.toks.len() || self.p(j) != self.p(j - 1) {
            return None;
        }
        let next_cap = j + 1 < self.toks.len() && self.is_cap(j + 1) && self.p(j + 1) == self.p(j);
        let span = self.toks[j].span;
        (!next_cap && self.name_like(span)).then_some(Who::Mention(span))
    }

    /// The personal name ending a role phrase `a..=b` (`Kapolda Metro Jaya Irjen Pol. Budi
    /// Santoso` → `Budi Santoso`): the words after the last title word (and a rank's tail:
    /// `Besar`, `Pol.`, `TNI`), when they read as a name of at most three words.
    pub(super) fn role_tail_name(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let t = (a..b).rev().find(|&t| self.c(t) & TITLE != 0)?;
        let mut x = t + 1;
        while x <= b
            && (self.c(x) & TITLE_TAIL != 0
                || self.t(x) == "."
                || self.is_word(x)
                    && self.t(x).chars().count() >= 2
                    && self.t(x).chars().all(|c| !c.is_lowercase()))
        {
            x += 1;
        }
        let words = (x..=b).filter(|&j| self.is_word(j)).count();
        (x <= b && words <= MAX_TAIL_NAME_WORDS && self.speaker_name_like(self.span(x, b)))
            .then_some((x, b))
    }

    /// A name right at token `j` (after `role,`): a person entity starting there, or a run of at
    /// least two capitalised name words, none of them a day, month or function word.
    fn name_after_comma(&self, j: usize) -> Option<Who> {
        if !self.is_cap(j) || self.p(j) != self.p(j.wrapping_sub(1)) {
            return None;
        }
        if let Some(e) = self.ent_starting_at(j).filter(|e| e.label == Label::Person) {
            return Some(Who::Mention(e.span));
        }
        let end = self.toks.len().min(j + MAX_SPEAKER_WORDS);
        // `…, AKBP Anthon Haryadi`, `…, Kombes Pol. Budi`: a rank before the name.
        let mut j = j;
        let mut ranked = false;
        while j + 1 < end
            && (self.c(j) & (TITLE | TITLE_TAIL) != 0 && self.is_cap(j) || self.t(j) == ".")
        {
            ranked |= self.t(j) != ".";
            j += 1;
        }
        if ranked && self.is_cap(j) {
            let (a, b) = self.cap_run_from(j, end);
            let span = self.span(a, b);
            // (`…, Kasi Humas Polres Lampung Barat,`: a post and its body, not a rank and a
            // name)
            if self
                .ent_starting_at(a)
                .is_some_and(|e| e.label != Label::Person)
            {
                return None;
            }
            if self.speaker_name_like(span)
                || self
                    .ent_at(span)
                    .is_some_and(|i| self.ents[i].label == Label::Person)
            {
                return Some(Who::Mention(span));
            }
        }
        let (a, b) = self.cap_run_from(j, end);
        let named = (a..=b)
            .all(|x| !self.is_word(x) || self.c(x) & (FUNC | TITLE | NOT_NAME | CONTEXT) == 0);
        (b > a && named).then(|| Who::Mention(self.span(a, b)))
    }

    /// The entity to prefer inside `window`: a person, else the first one.
    fn best_entity(&self, window: Span) -> Option<&'a Entity> {
        let inside = self.ents_over(window).filter(|e| window.contains(e.span));
        let mut first = None;
        for e in inside {
            if e.label == Label::Person {
                return Some(e);
            }
            first.get_or_insert(e);
        }
        first
    }

    /// Capitalised words from `k` (inclusive) onwards, before `end`: returns the token range
    /// `a..=b`. Initials (`M.`) and name particles (`bin`) stay inside.
    pub(super) fn cap_run_from(&self, k: usize, end: usize) -> (usize, usize) {
        let mut b = k;
        let mut j = k + 1;
        while j < end {
            if self.is_cap(j) && self.c(j) & (FUNC | CONTEXT | ANY_SAY | POST) == 0 {
                b = j;
            } else if self.t(j) == "." && self.t(j - 1).chars().count() == 1 && j + 1 < end {
                // initial
            } else if self.c(j) & PARTICLE != 0 && j + 1 < end && self.is_cap(j + 1) {
                // particle
            } else {
                break;
            }
            j += 1;
        }
        (k, b)
    }

    /// Drops leading titles (`Presiden`, `Menteri`) and a leading acronym before a longer name
    /// (`UBS Giovanni Staunovo`), keeping at least one word.
    fn strip_titles(&self, mut a: usize, b: usize) -> (usize, usize) {
        let start = a;
        while a < b
            && (self.c(a) & (TITLE | FUNC) != 0
                || a > start
                    && self.c(a) & TITLE_TAIL != 0
                    && self.c(a - 1) & (TITLE | TITLE_TAIL) != 0)
        {
            a += 1;
        }
        // `analis UBS Giovanni Staunovo`: an organisation or place the entity stage found, right
        // before a person it found, is the person's affiliation.
        let at = self.toks[a].span.start;
        let i = self.ents.partition_point(|e| e.span.start < at);
        if let (Some(org), Some(next)) = (self.ents.get(i), self.ents.get(i + 1)) {
            if org.span.start == at
                && org.label != Label::Person
                && next.label == Label::Person
                && next.span.end <= self.toks[b].span.end
            {
                let j = self
                    .toks
                    .partition_point(|t| t.span.start < next.span.start);
                if j > a && j <= b {
                    return (j, b);
                }
            }
        }
        // (`jurnalis Rusia Sergey Mardan`: a name of two words or more that the entity stage
        // missed, after the place or body)
        if let Some(org) = self
            .ents
            .get(i)
            .filter(|e| e.span.start == at && e.label != Label::Person)
        {
            let j = self.toks.partition_point(|t| t.span.start < org.span.end);
            if j < b && self.speaker_name_like(self.span(j, b)) {
                return (j, b);
            }
        }
        (a, b)
    }

    /// The subject of the speech verb at token `v`: the mention just before it (skipping
    /// adverbs, appositives and relative clauses set off by commas). The rules are tried in
    /// this order; the first that applies decides.
    pub(super) fn subject(&self, v: usize) -> Option<Who> {
        let (sa, _) = self.sent[v];
        if v == sa || self.c(v - 1) & NOT_SUBJECT != 0 {
            return None;
        }
        let k = self.past_degrees(self.subject_end(v - 1, sa), sa);
        if self.ends_manner_clause(k, sa) {
            return self.sentence_subject(k, sa);
        }
        if self.t(k) == "," {
            return self.subject_before_comma(k, sa);
        }
        if let Some(who) = self.pronoun(k).or_else(|| self.kin_subject(k, sa)) {
            return Some(who);
        }
        // A di-…-nya form (`yang dikatakannya`): its clitic is the speaker, not the words
        // before it.
        if self.c(k) & PASSIVE_NYA != 0 {
            return None;
        }
        self.capacity_subject(k, sa)
            .or_else(|| self.subject_before_relative(k, sa))
            .or_else(|| self.name_before_open_apposition(k, sa))
            .or_else(|| self.entity_subject(k, sa))
            .or_else(|| self.name_subject(k, sa))
            .or_else(|| self.role_phrase_subject(k, sa))
    }

    /// `kakak Bella Hadid itu memastikan`: a relative of someone named, ending with a
    /// demonstrative at token `k`, is the subject, and stands for the salient person (see
    /// [`Discourse::kin_epithet`]).
    fn kin_subject(&self, k: usize, sa: usize) -> Option<Who> {
        if k < sa + 2 || self.c(k) & DEMONSTRATIVE == 0 {
            return None;
        }
        let before = self.toks[k - 1].span;
        let e = self
            .ents_over(before)
            .find(|e| e.label == Label::Person && e.span.end == before.end)?;
        let a = self.toks.partition_point(|t| t.span.start < e.span.start);
        (a > sa && self.kin_named(e.span)).then(|| Who::Anaphor(self.span(a - 1, k)))
    }

    /// `Dr Muhammad Sholeh, MPd mengapresiasi`, `dr Ahmad Yanuar, SpS, menuturkan`: the
    /// degrees after a name, ending at `k`, are no subject; returns the name's last token, or
    /// `k` when no name comes before them.
    fn past_degrees(&self, k: usize, sa: usize) -> usize {
        let mut j = k;
        if self.t(j) == "," && j > sa + 1 && self.is_cap(j - 1) && self.degree_piece(j - 1) {
            j -= 1;
        }
        let start = j;
        while j > sa + 1 && self.is_cap(j) && self.degree_piece(j) {
            j -= 1;
            // (through a degree written in pieces, `S.` `S.` `Sos`, then its comma)
            while j > sa + 1 && self.glued(j, j + 1) && self.t(j).ends_with('.') {
                j -= 1;
            }
            if self.t(j) == "," {
                j -= 1;
            }
        }
        if j < start && self.is_cap(j) {
            j
        } else {
            k
        }
    }

    /// Token `k` is a degree after a name (`MPd`, `S.H`) or the last piece of one written
    /// with dots the tokenizer split (`Sos` of `S.S.Sos`, `Md` of `A.Md`).
    fn degree_piece(&self, k: usize) -> bool {
        let w = self.t(k);
        self.c(k) & DEGREE != 0
            || crate::entity::dotted_abbreviation(w)
            || w.chars().count() <= 3 && self.glued(k - 1, k) && self.t(k - 1).ends_with('.')
    }

    /// Tokens `a` and `b` touch, no space between.
    fn glued(&self, a: usize, b: usize) -> bool {
        self.toks[a].span.end == self.toks[b].span.start
    }

    /// `Andry yang juga Ketua Dewan Kopi Nusantara menjelaskan`: a relative clause that gives
    /// the subject's role (`yang juga`, `yang merupakan`, `yang menjabat`, `yang kini` + a
    /// title) stands between the subject and its verb; the body at the clause's end is not
    /// the speaker, the name before `yang` is. Not when the clause names a person itself.
    fn subject_before_relative(&self, k: usize, sa: usize) -> Option<Who> {
        let lo = k.saturating_sub(MAX_ROLE_SPEAKER_WORDS + 2).max(sa + 1);
        let y = (lo..k).rev().find(|&j| self.t(j) == "yang")?;
        if (y..=k).any(|j| self.t(j) == "," || self.c(j) & ANY_SAY != 0) {
            return None;
        }
        // `Bupati Solok, Jon Firman Pandu, yang turut hadir juga mengucapkan …`: a clause of
        // a few plain words after a person's closing comma is about that person (not one
        // with a subject of its own: `…, yang secara garis besar isinya menjelaskan`)
        if y > sa + 1 && self.t(y - 1) == "," && k - y <= MAX_RELATIVE_WORDS {
            let plain = (y + 1..=k).all(|j| self.is_lower(j) && !self.t(j).ends_with("nya"));
            if let Some(e) = self.person_ending_at(y - 2).filter(|_| plain) {
                return Some(Who::Mention(e.span));
            }
        }
        let lead = relative_lead(self.t(y + 1));
        let titled = (y + 1..=k.min(y + 4)).any(|j| self.c(j) & TITLE != 0);
        if !lead || !titled {
            return None;
        }
        let clause = self.span(y + 1, k);
        if self.ents.iter().any(|e| {
            e.label == Label::Person && clause.start <= e.span.start && e.span.end <= clause.end
        }) {
            return None;
        }
        let before = y - 1;
        // (`Pria yang juga Ketua …`: a noun for a person points back like a pronoun)
        let word = self.toks[before].span;
        if before == sa && self.ent_ending_at(word.end).is_none() && !self.name_like(word) {
            return Some(Who::Anaphor(word));
        }
        // (the subject `yang` follows, found as a verb's would be: `Edi, seniman asal
        // Mojokerto yang juga …` is Edi); a lower-case phrase there (`anak korban yang juga
        // …`) is left to the other rules
        match self.subject(y)? {
            Who::Mention(m)
                if self.is_cap(self.toks.partition_point(|t| t.span.start < m.start)) =>
            {
                Some(Who::Mention(m))
            }
            Who::Anaphor(m) => Some(Who::Anaphor(m)),
            _ => None,
        }
    }

    /// The last token of the subject before the verb at `k + 1`: adverbs (`juga`, `pun`) and
    /// a phrase between subject and verb are skipped (`Budi kepada wartawan mengatakan`,
    /// `Sutrisno ketika ditemui di kantornya menjelaskan`).
    fn subject_end(&self, mut k: usize, sa: usize) -> usize {
        while k > sa && self.c(k) & ADVERB != 0 {
            k -= 1;
        }
        // `Jusuf Kalla (JK) lagi-lagi mengatakan`, `Suyatno (45) menuturkan`: a short bracket
        // after the subject's name (its acronym, an age) is no subject
        // (one token: an acronym the entity stage resolved, which then is the subject, as its
        // name is the long form's (`Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)`); or
        // an age after a person's name; not a date, `Rabu (13/9/2023)`, which
        // `person_before_day` reads)
        if k > sa + 2 && self.t(k) == ")" && self.t(k - 2) == "(" && self.is_cap(k - 3) {
            let inner = self.toks[k - 1].span;
            let acronym = self
                .ents_over(inner)
                .next()
                .is_some_and(|e| e.span == inner)
                && self.t(k - 1).chars().all(|c| c.is_uppercase() || c == '-');
            let age = self.t(k - 1).len() <= 3
                && self.t(k - 1).bytes().all(|b| b.is_ascii_digit())
                && self
                    .ents_over(self.toks[k - 3].span)
                    .next()
                    .is_some_and(|e| e.label == Label::Person);
            // (not a body named in a prepositional phrase: `Presiden Prabowo yang dalam orasi
            // di sidang senat Universitas Kebangsaan Republik Indonesia (UKRI) menyampaikan`)
            if acronym {
                return if self.named_after_preposition(k - 3, sa) {
                    k
                } else {
                    k - 1
                };
            }
            if age {
                k -= 3;
                while k > sa && self.c(k) & ADVERB != 0 {
                    k -= 1;
                }
            }
        }
        if let Some(j) = self.interlude_start(k, sa) {
            k = j - 1;
        }
        self.person_before_day(k, sa).unwrap_or(k)
    }

    /// The name ending at token `j` (an entity the stage found, or capitalised words) comes
    /// right after a lower-case preposition (`di`, `dari`, `dalam`, …): it is no subject.
    fn named_after_preposition(&self, j: usize, sa: usize) -> bool {
        let end = self.toks[j].span.end;
        let start = match self.ent_ending_at(end) {
            Some(i) => self
                .toks
                .partition_point(|t| t.span.start < self.ents[i].span.start),
            None => {
                let mut a = j;
                while a > sa && self.is_cap(a - 1) {
                    a -= 1;
                }
                a
            }
        };
        // (back over a few lower-case words: `di sidang senat terbuka Universitas …`)
        (start.saturating_sub(MAX_PREPOSITION_GAP + 1).max(sa)..start)
            .rev()
            .take_while(|&x| self.is_lower(x))
            .any(|x| {
                matches!(
                    self.t(x),
                    "di" | "dari"
                        | "ke"
                        | "pada"
                        | "dengan"
                        | "oleh"
                        | "untuk"
                        | "bagi"
                        | "terhadap"
                        | "tentang"
                        | "kepada"
                        | "antara"
                        | "dalam"
                        | "atas"
                )
            })
    }

    /// `Alfi Syahrin di Simpang Empat, Sabtu mengatakan`, `Septi di Kota Malang, Jawa Timur,
    /// Senin (6/11) mengatakan`: the day (and date) of the statement ending at `k`, after a
    /// comma, is an aside, and so are places between commas before it; the last person named
    /// in the segment before them is the subject. Returns that person's last token.
    fn person_before_day(&self, k: usize, sa: usize) -> Option<usize> {
        let mut d = k;
        if self.t(d) == ")" {
            d = (d.saturating_sub(6).max(sa)..d)
                .rev()
                .find(|&o| self.t(o) == "(")?;
            d = d.checked_sub(1)?;
        }
        if d <= sa || !self.is_cap(d) || self.c(d) & NOT_NAME == 0 || self.t(d - 1) != "," {
            return None;
        }
        let mut comma = d - 1;
        for _ in 0..MAX_PLACES_BETWEEN_COMMAS {
            let s = (sa..comma)
                .rev()
                .find(|&p| self.t(p) == ",")
                .map_or(sa, |p| p + 1);
            if comma <= s {
                return None; // (`, Senin mengatakan` at a text's start: no segment)
            }
            let seg = Span::new(self.toks[s].span.start, self.toks[comma - 1].span.end);
            // (the last person: the one the day's comma closes, `Kapolsek Ngoro Kompol Imam
            // Mahmudi di Mojokerto, Kamis`, where a place before may be taken for a name)
            let person = self
                .ents_over(seg)
                .filter(|e| e.label == Label::Person && seg.contains(e.span))
                .last();
            if let Some(e) = person {
                return Some(self.toks.partition_point(|t| t.span.end <= e.span.end) - 1);
            }
            let place = self.place_at(s) == Some(comma);
            if s == sa || !place {
                return None;
            }
            comma = s - 1;
        }
        None
    }

    /// Whether `k` ends a manner clause (`…, dengan menyatakan bahwa …`), whose verb belongs
    /// to the sentence's subject rather than to the words just before it.
    fn ends_manner_clause(&self, k: usize, sa: usize) -> bool {
        self.c(k) & MANNER != 0 && self.c(k) & ADVERB == 0
            || self.t(k) == "," && k > sa && self.c(k - 1) & MANNER != 0
    }

    /// `Menteri itu menggarisbawahi …, dengan menyatakan bahwa …`: the sentence's first name
    /// before `k`.
    fn sentence_subject(&self, k: usize, sa: usize) -> Option<Who> {
        let j = (sa..k)
            .find(|&j| self.is_cap(j) && self.c(j) & (FUNC | TITLE | CONTEXT | ADVERB) == 0)?;
        let (x, y) = self.cap_run_from(j, k);
        Some(Who::Mention(self.span(x, y)))
    }

    /// A comma right before the verb (`…, menambahkan`): the speaker of an earlier post cue
    /// (`"…," ujarnya, menambahkan bahwa …`, `kata Rutte, seraya menambahkan …`), else the
    /// capitalised segment before the asides.
    fn subject_before_comma(&self, k: usize, sa: usize) -> Option<Who> {
        if k == sa {
            return None;
        }
        let j = k - 1;
        // `"…," ujarnya, menambahkan bahwa …`
        if self.c(j) & POST_NYA != 0 {
            return Some(Who::Anaphor(self.toks[j].span));
        }
        // `kata Rutte, seraya menambahkan bahwa …`
        if let Some(p) = (j.saturating_sub(4)..j)
            .rev()
            .find(|&p| p >= sa && self.c(p) & POST != 0)
        {
            if let Some(who) = self.speaker_after(p + 1) {
                return Some(who);
            }
        }
        self.subject_before_asides(k, sa)
    }

    /// Walk back over comma-separated segments ending at `k`: a segment that starts in lower
    /// case (`yang berbicara …`, `penulis buku …`) or with a day (`Budi, Rabu (3/4),
    /// mengatakan`) is an aside; a capitalised one is the subject (`Wakil Ketua DPR, M. Hanif
    /// Dhakiri, menyebut`).
    fn subject_before_asides(&self, k: usize, sa: usize) -> Option<Who> {
        let mut end = k;
        loop {
            let p = (sa..end).rev().find(|&p| self.t(p) == ",");
            let start = p.map_or(sa, |p| p + 1);
            if start >= end {
                return None;
            }
            let aside = self.is_lower(start)
                || self.c(start) & (PARTICLE | NOT_NAME) != 0
                || !self.is_word(start);
            // (`General Manager Kurnia Motors`: a title may come second or third)
            let titled = (start..end.min(start + 3))
                .take_while(|&x| self.is_cap(x))
                .any(|x| self.c(x) & TITLE != 0);
            if !aside && titled {
                if let Some(who) = self.person_in_role_segment(start, end, p, sa) {
                    return Some(who);
                }
            }
            match p {
                Some(p) if aside => end = p,
                _ if aside => return None,
                _ => return self.mention_in(start, end),
            }
        }
    }

    /// A segment `start..end` opening with a title: a ranked person ending it is the speaker
    /// (`Kapolsek Limau, Iptu Dedi Yanto, saat dihubungi mengatakan`), else the name before
    /// the role (`Rudi, Ketua Koperasi Tani Makmur, mengatakan`) when a comma `p` opens it.
    fn person_in_role_segment(
        &self,
        start: usize,
        end: usize,
        p: Option<usize>,
        sa: usize,
    ) -> Option<Who> {
        let seg = self.span(start, end - 1);
        if let Some(e) = self.best_entity(seg).filter(|e| e.label == Label::Person) {
            let a = self.toks.partition_point(|t| t.span.start < e.span.start);
            let ends_segment = e.span.end == seg.end;
            if ends_segment && a > start && self.c(a - 1) & (TITLE | TITLE_TAIL) != 0 {
                return Some(Who::Mention(e.span));
            }
        }
        p.and_then(|p| self.name_segment_before(p, sa))
    }

    /// An entity ending at `k` (`Bank Indonesia menyatakan`): the person it is affiliated
    /// with or the phrase it heads when there is one (`Gubernur Bank Indonesia`), else itself.
    fn entity_subject(&self, k: usize, sa: usize) -> Option<Who> {
        let e = &self.ents[self.ent_ending_at(self.toks[k].span.end)?];
        let a = self.toks.partition_point(|t| t.span.start < e.span.start);
        if let Some(who) = self.affiliated_person(a, sa) {
            return Some(who);
        }
        if e.label != Label::Person {
            if let Some(who) = self.headed_phrase(a, k, sa) {
                return Some(who);
            }
        }
        Some(Who::Mention(e.span))
    }

    /// Capitalised words ending at `k` that no entity covers (`Sutrisno menjelaskan`): the
    /// name, with a role before it cut off; a lone body after a lowercase role
    /// (`juru bicara Kremlin mengatakan`) makes the whole role the subject.
    fn name_subject(&self, k: usize, sa: usize) -> Option<Who> {
        if !self.is_cap(k) || self.c(k) & (FUNC | TITLE) != 0 {
            return None;
        }
        let mut a = k;
        while a > sa {
            let p = a - 1;
            let initial = self.t(p) == "." && p > sa && self.t(p - 1).chars().count() == 1;
            if (self.is_cap(p) && self.c(p) & (FUNC | CONTEXT | ACCORDING | MEDIA) == 0)
                || initial
                || (self.c(p) & PARTICLE != 0 && p > sa && self.is_cap(p - 1))
            {
                a = p;
            } else {
                break;
            }
        }
        if let Some(who) = self.affiliated_person(a, sa) {
            return Some(who);
        }
        if let Some((x, y)) = self.role_tail_name(a, k) {
            return Some(Who::Mention(self.span(x, y)));
        }
        let (mut x, y) = self.strip_titles(a, k);
        // `juru bicara Kremlin Dmitry Peskov berkata`: the body after a role is no name.
        if y >= x + 2 && x > sa && self.c(x - 1) & TITLE != 0 && self.is_lower(x - 1) {
            x += 1;
        }
        // `juru bicara Kremlin mengatakan`: a role, not a name.
        if x == y && x > sa && self.c(x - 1) & TITLE != 0 && self.is_lower(x - 1) {
            let mut r = x - 1;
            while r > sa && self.c(r - 1) & TITLE != 0 && self.is_lower(r - 1) {
                r -= 1;
            }
            return Some(Who::Mention(self.span(r, y)));
        }
        Some(Who::Mention(self.span(x, y)))
    }

    /// A short role phrase from the sentence start or last comma (`Politikus Partai Gerindra
    /// ini`, `para analis`): a demonstrative points back, a person in it speaks, a role may
    /// stand for a person named earlier, anything else is said by nobody we can name.
    fn role_phrase_subject(&self, k: usize, sa: usize) -> Option<Who> {
        let start = (sa..=k)
            .rev()
            .find(|&p| self.t(p) == ",")
            .map_or(sa, |p| p + 1);
        if k + 1 - start > 6 || !(start..=k).all(|p| self.is_word(p)) || !self.is_word(k) {
            return None;
        }
        if self.c(start) & (FUNC | ADVERB | CONTEXT) != 0 && !self.is_cap(start) {
            return None;
        }
        let span = self.span(start, k);
        if self.c(k) & DEMONSTRATIVE != 0 {
            return Some(Who::Anaphor(span));
        }
        if let Some(e) = self.best_entity(span).filter(|e| e.label == Label::Person) {
            return Some(Who::Mention(e.span));
        }
        // A role (`Menlu`, `Juru bicara itu`) may stand for a person named with it earlier.
        if (start..=k).any(|p| self.c(p) & TITLE != 0) {
            return Some(Who::Mention(span));
        }
        Some(Who::Bare(span))
    }

    /// Speech frames with no quotation of their own (`Roque membantah tuduhan itu.`,
    /// `Harsono menilai …`): a named subject of a speech or opinion verb outside quotation
    /// marks becomes the current speaker, so that the next `ujarnya` is theirs (issue 8).
    pub(super) fn frames(&self, quoted: &[Span], cands: &mut Vec<Cand>) {
        let mut cued: Vec<usize> = cands.iter().map(|c| c.at).collect();
        cued.sort_unstable();
        let mut quoted = quoted.to_vec();
        quoted.sort_by_key(|q| q.start);
        for k in 0..self.toks.len() {
            if self.c(k) & (SAY | SAY_QUOTE | FRAME | ACCORDING | PASSIVE_SAY) == 0 {
                continue;
            }
            if self.c(k) & ACCORDING == 0 && !self.is_lower(k) {
                continue;
            }
            let at = self.toks[k].span.start;
            if cued.binary_search(&at).is_ok() {
                continue;
            }
            let q = quoted.partition_point(|q| q.start <= at);
            if q > 0 && quoted[q - 1].end > at {
                continue;
            }
            if self.c(k) & PASSIVE_SAY != 0 {
                cands.extend(self.passive_frame(k));
                continue;
            }
            let who = if self.c(k) & ACCORDING != 0 {
                self.according_frame(k)
            } else {
                self.subject(k)
            };
            // Only a sentence subject speaks (`takdir Tuhan berkata lain` is an idiom), and
            // alone: `Thariq dan Aaliyah mengucapkan …` is a pair, neither the next `katanya`.
            if let Some(Who::Mention(span)) = who.filter(|w| match w {
                Who::Mention(s) => {
                    self.c(k) & ACCORDING != 0 && !self.joined_subject(*s)
                        || self.subject_position(*s) && !self.subordinate_subject(*s)
                }
                _ => false,
            }) {
                let cue = self.toks[k].span;
                cands.push(Cand {
                    span,
                    kind: QuoteKind::Indirect,
                    who: Who::Mention(span),
                    cue: Some(cue),
                    rule: FRAME_RULE,
                    at,
                });
            }
        }
    }

    /// The mention at `span` (with its role words) follows a subordinating conjunction
    /// mid-sentence (`Raihan berminat lantaran Adhi mengaku sedih`): the subject of a clause
    /// inside another, not of the sentence.
    pub(super) fn subordinate_subject(&self, span: Span) -> bool {
        // (back over the role and any capitalised words before the name: `lantaran Kepala
        // Desa mengaku`; not over lower-case words, which a role's own modifiers would let
        // the role run take)
        self.mention_at(span).is_some_and(|(sa, mut j)| {
            while j > sa + 1 && (self.is_cap(j - 1) || self.c(j - 1) & TITLE != 0) {
                j -= 1;
            }
            j > sa + 1 && self.c(j - 1) & SUBORDINATOR != 0
        })
    }

    /// The mention at `span` is the second of a joined subject (`Thariq Halilintar dan Aaliyah
    /// Massaid`): right after `dan`, `serta` or `&` that follow a capitalised word.
    fn joined_subject(&self, span: Span) -> bool {
        let a = self.toks.partition_point(|t| t.span.start < span.start);
        // (a name right before the joiner, or the last item of a list of names or at a list's
        // end, `Mike Shinoda, …, dan Joe Hahn menulis`, `…, Taksaka, dan Argo Lawu.`; not
        // `Rapat berlangsung dua jam, dan Budi mengucapkan`, a new clause)
        let b = self.toks.partition_point(|t| t.span.start < span.end);
        let list_end = b >= self.toks.len() || matches!(self.t(b), "." | "," | ";" | ")");
        a > 1
            && matches!(self.t(a - 1), "dan" | "serta" | "&")
            && (self.is_cap(a - 2)
                || self.t(a - 2) == "," && (list_end || a > 2 && self.is_cap(a - 3)))
    }

    /// `Hal senada diungkapkan anggota DPRD Yuke Yurike.`, `… diakui oleh Maryanto, seorang
    /// sopir`: the named agent of a passive speech verb at `k` becomes the current speaker, so
    /// that the next `jelasnya` is theirs. Only a name (a capitalised mention) counts.
    ///
    /// Not in a relative or comparative clause (`yang disampaikan X`, `seperti disampaikan X,
    /// bahwa …`): there X's words are cited, and the article's current speaker goes on.
    fn passive_frame(&self, k: usize) -> Option<Cand> {
        let mut b = k;
        while b > 0 && matches!(self.t(b - 1), "juga" | "pun" | "pernah" | "sudah" | "telah") {
            b -= 1;
        }
        if b > 0
            && matches!(
                self.t(b - 1).to_lowercase().as_str(),
                "yang" | "seperti" | "sebagaimana" | "sesuai" | "apa"
            )
        {
            return None;
        }
        let j = if self.t(k + 1) == "oleh" {
            k + 2
        } else {
            k + 1
        };
        if j >= self.toks.len() || self.p(j) != self.p(k) {
            return None;
        }
        let Some(Who::Mention(span)) = self.speaker_after(j) else {
            return None;
        };
        // a person (not `Real` or `Mojokerto`): found by the entity stage, or name words
        if !(self.person_at(span) || self.name_like(span)) {
            return None;
        }
        let at = self.toks[k].span.start;
        Some(Cand {
            span,
            kind: QuoteKind::Indirect,
            who: Who::Mention(span),
            cue: Some(self.toks[k].span),
            rule: FRAME_RULE,
            at,
        })
    }

    /// `Menurut Aji Santoso yang …` with no claim of its own: the person named after `Menurut`.
    fn according_frame(&self, m: usize) -> Option<Who> {
        let j = m + 1;
        if !self.is_cap(j) || self.p(j) != self.p(m) {
            return None;
        }
        if let Some(e) = self.ent_starting_at(j) {
            return (e.label == Label::Person).then_some(Who::Mention(e.span));
        }
        let (a, b) = self.cap_run_from(j, (j + MAX_TAIL_NAME_WORDS).min(self.toks.len()));
        let span = self.span(a, b);
        self.speaker_name_like(span).then_some(Who::Mention(span))
    }

    /// The first token of the sentence holding the mention at `span`, and where the mention
    /// starts with the titles and role words before it (`Kepala Dinas` of `Kepala Dinas
    /// Budi`). None past the last token.
    fn role_start(&self, span: Span) -> Option<(usize, usize)> {
        let (sa, a) = self.mention_at(span)?;
        Some((sa, self.role_words_back(sa, a)))
    }

    /// The first token of the sentence holding the mention at `span`, and the mention's first
    /// token. None past the last token.
    fn mention_at(&self, span: Span) -> Option<(usize, usize)> {
        let a = self.toks.partition_point(|t| t.span.start < span.start);
        (a < self.toks.len()).then(|| (self.sent[a].0, a))
    }

    /// Where the run of titles and role words (capitalised words that are no function word,
    /// connector or context word) ending right before token `j` starts, not before `sa`.
    ///
    /// Lower-case words count when a title comes before them (`Pengamat politik Ujang …`,
    /// `Dokter spesialis anak Rina …`): a title's modifiers. A plain noun before a name has no
    /// title before it (`pesan Gubernur X`) and stops the run.
    fn role_words_back(&self, sa: usize, mut j: usize) -> usize {
        loop {
            // (an everyday noun opening the sentence is no role: `Rumah Ahmad Sahroni itu
            // berada …` is about his house; not a noun for what is said, `Jawaban Susi …`,
            // nor a role's word in capitals or in the titles list, `PR Manager`, `Senior …`;
            // the head of a body's name may be one, `Rumah`)
            // (nor a noun for a kind of person, which the name stands in apposition to:
            // `Pemudik Budi Santoso tiba …`, `Pria …`: an agent noun in pe- that is no
            // abstract pe-…-an noun, an epithet's noun, class `person-noun`)
            let noun = j == sa + 1
                && self.word_flags(sa)
                    & (crate::entity::W_STRICT
                        | crate::entity::W_TITLE
                        | crate::entity::W_PORTFOLIO)
                    == crate::entity::W_STRICT
                && self.c(sa) & (SPEECH_NOUN | TITLE | EPITHET | PERSON_NOUN) == 0
                && !agent_noun(self.t(sa))
                && self.t(sa).chars().any(char::is_lowercase);
            if j > sa
                && (self.c(j - 1) & TITLE != 0
                    || self.is_cap(j - 1)
                        && self.c(j - 1) & (FUNC | SUBJECT_LEAD | CONTEXT) == 0
                        && !noun)
            {
                j -= 1;
                continue;
            }
            // an acronym in brackets and a joiner inside the role's name: `Menteri Energi dan
            // Sumber Daya Mineral (ESDM) Bahlil …`
            if j >= sa + 4
                && self.t(j - 1) == ")"
                && self.t(j - 3) == "("
                && self.is_cap(j - 2)
                && self.is_cap(j - 4)
            {
                j -= 3;
                continue;
            }
            // (not two people joined: `Ia dan Irwan …`, `Maia dan Irwan …`)
            if j >= sa + 2
                && matches!(self.t(j - 1), "dan" | "&")
                && self.is_cap(j - 2)
                && self.is_cap(j)
                && self.c(j - 2) & (FUNC | PRON | TITLE) == 0
                && self.person_ending_at(j - 2).is_none()
            {
                j -= 1;
                continue;
            }
            let mut m = j;
            while m > sa
                && j - m < MAX_TITLE_MODIFIERS
                && self.is_lower(m - 1)
                && self.c(m - 1) & (TITLE | FUNC | SUBJECT_LEAD | CONTEXT | ANY_SAY | POST | PLURAL)
                    == 0
            {
                m -= 1;
            }
            if m < j && m > sa && self.c(m - 1) & TITLE != 0 {
                j = m - 1;
                continue;
            }
            return j;
        }
    }

    /// True when the mention at `span` stands where a sentence's subject does: at the sentence
    /// start or after a comma or a connector (`Namun`), titles and role words before it
    /// skipped. A name after a noun or preposition (`pesan Gubernur X`) is mentioned in passing.
    pub(super) fn subject_position(&self, span: Span) -> bool {
        let Some((sa, a)) = self.mention_at(span) else {
            return false;
        };
        // `relawan Jokowi akan menggelar …`, `kuasa hukum Budi menilai …`: the name right
        // after a word for someone's supporter, relative or lawyer is that word's possessor;
        // the subject is the supporter
        if a > sa && possessor_role(self.t(a - 1)) {
            return false;
        }
        // `Thariq dan Aaliyah mengucapkan …`: the second of a joined subject is half of a
        // pair, not the one who speaks next
        if a > sa && self.joined_subject(span) {
            return false;
        }
        let j = self.role_words_back(sa, a);
        if j == sa {
            return true;
        }
        if self.t(j - 1) == "," {
            return !self.object_apposition(sa, j - 1);
        }
        // `WASHINGTON - Presiden Donald Trump menyalahkan …`, `Jakarta (ANTARA) - …`: after a
        // dateline the lead's first words open its sentence
        if matches!(self.t(j - 1), "-" | "–" | "—")
            && (sa..j - 1).all(|x| self.is_cap(x) || !self.is_word(x))
        {
            return true;
        }
        // connectors open a clause only at its start (`Sementara itu Budi …`, `…, dan Budi
        // …`), not inside a noun phrase (`antara pemimpin Indonesia dan Trump`)
        let mut p = j;
        while p > sa && self.c(p - 1) & SUBJECT_LEAD != 0 {
            p -= 1;
        }
        if p < j && (p == sa || self.t(p - 1) == ",") {
            return true;
        }
        // `Biden dan Prabowo juga mendukung …`: a second subject joined to a first one (not
        // to a pronoun: `Ia dan Irwan akan pulang` is still about the current speaker)
        p + 1 == j
            && self.t(p) == "dan"
            && p > sa
            && self.is_cap(p - 1)
            && self.c(p - 1) & PRON == 0
            && self.subject_position(self.toks[p - 1].span)
    }

    /// The mention at `span` opens its sentence, titles and role words before it skipped
    /// (`Kepala Dinas Budi …`), or follows a connector that opens it (`Sementara itu, Budi …`).
    pub(super) fn opens_sentence(&self, span: Span) -> bool {
        let Some((sa, j)) = self.role_start(span) else {
            return false;
        };
        let mut p = j;
        if p > sa && self.t(p - 1) == "," {
            p -= 1;
            // (`Bupati Tanah Datar, Eka Wijaya, …`: a role opening the sentence, then the name
            // apposed to it)
            let r = self.role_words_back(sa, p);
            if r == sa && (r..p).any(|x| self.c(x) & TITLE != 0) {
                return true;
            }
        }
        while p > sa && self.c(p - 1) & SUBJECT_LEAD != 0 {
            p -= 1;
        }
        p == sa
    }

    /// The comma at token `comma` (in the sentence starting at token `sa`) closes a role
    /// phrase that is the object of an active verb or a preposition (`KPK memanggil Sekretaris
    /// DPW PKB Jawa Timur, Anik …`, `bersama Kapolda Jatim, Irjen …`): the name after it is the
    /// one summoned or accompanying, talked about. Not after a speech verb or `menurut`, whose
    /// object is the speaker (`kata Ketua RT, Budi`), nor after `melalui` or a passive's `oleh`
    /// (`… melalui Kasat Reskrim, AKP Adhi`, `diapresiasi oleh Ketua DPRD, Sastra`): the agent.
    fn object_apposition(&self, sa: usize, comma: usize) -> bool {
        let r = self.role_words_back(sa, comma);
        // a role phrase (`Berbeda dengan Barli, Dian …` and `Sebelum meninggalkan Mako, Sys
        // …` end a clause, not a role)
        if r == sa || !(r..comma).any(|k| self.c(k) & TITLE != 0) {
            return false;
        }
        let w = self.t(r - 1);
        let c = self.c(r - 1);
        let speaks = ANY_SAY | ACCORDING | POST | SAY_PREDICATE | FRAME | MEDIA;
        if self.is_cap(r - 1) || c & (speaks | CONTEXT | INTERLUDE) != 0 {
            return false;
        }
        w.starts_with("me") && w.len() >= 6 || c & OBJECT_LEAD != 0
    }

    /// True when `span` reads as a personal name the entity stage missed: one to four
    /// capitalised words (initials and particles allowed), none an acronym, a title, a function
    /// word or a common word, and no other entity over it.
    pub(super) fn name_like(&self, span: Span) -> bool {
        self.name_like_with(span, false)
    }

    /// [`Discourse::name_like`], where the last word may also be an everyday word after a
    /// plain first name (`Wellyanto Pribadi`): for a name a post cue or a role gave as the
    /// speaker, not for finding names in running text (`skuad Garuda Muda`).
    pub(super) fn speaker_name_like(&self, span: Span) -> bool {
        self.name_like_with(span, true)
    }

    fn name_like_with(&self, span: Span, everyday_surname: bool) -> bool {
        let a = self.toks.partition_point(|t| t.span.start < span.start);
        let b = self.toks.partition_point(|t| t.span.end <= span.end);
        if a >= b {
            return false;
        }
        let lex = crate::entity::lexicon();
        // `Bagus Badari`, `Cucu Koswala`: a given name may be an everyday word (class
        // `given-name`) before a surname that is none (a speaker only, as for an everyday
        // surname)
        let plain_surname = everyday_surname
            && b - a >= 2
            && self.is_word(b - 1)
            && self.t(b - 1).chars().count() >= 3
            && lex.flags(&self.t(b - 1).to_lowercase()) == 0;
        let mut words = 0;
        for j in a..b {
            let w = self.t(j);
            if !self.is_word(j) {
                if w == "." || w == "-" {
                    continue;
                }
                return false;
            }
            if self.c(j) & PARTICLE != 0 && j > a {
                continue;
            }
            let initial = w.chars().count() == 1;
            let caps = w.chars().filter(|c| c.is_uppercase()).count();
            // `Wellyanto Pribadi`: a surname may be an everyday word after a plain first name
            // (not after `Bukti-Buktinya`)
            let surname = everyday_surname
                && words > 0
                && j + 1 == b
                && !w.ends_with("nya")
                && (a..j).all(|x| !self.t(x).contains('-'));
            // (a given name alone, mid-sentence, where a cue or verb names the speaker: `kata
            // Indah di Lumajang`)
            let alone = everyday_surname && b == a + 1 && a > 0 && self.sent[a].0 != a;
            let given = (plain_surname || alone) && j == a && self.c(j) & GIVEN_NAME != 0;
            // (a given name that opens a longer title, `Putra` of `putra mahkota`, is a name
            // where that title does not stand)
            let mut everyday = 0;
            if surname || given {
                everyday |=
                    crate::entity::W_STRICT | crate::entity::W_LOOSE | crate::entity::W_FREQ;
            }
            if self.c(j) & GIVEN_NAME != 0 {
                everyday |= crate::entity::W_TITLE;
            }
            // (a degree alone is no name: `Syaifullah, S.Sos (58)`)
            let degree =
                b == a + 1 && (crate::entity::dotted_abbreviation(w) || self.c(j) & DEGREE != 0);
            if !self.is_cap(j)
                || (!initial && caps == w.chars().count())
                || degree
                || self.c(j) & (FUNC | TITLE | NOT_NAME | CONTEXT | MEDIA | ANY_SAY | POST) != 0
                || lex.flags(&w.to_lowercase()) & !(crate::entity::W_PARTICLE | everyday) != 0
            {
                return false;
            }
            words += 1;
        }
        let other = self.ents_over(span).any(|e| e.label != Label::Person);
        (1..=4).contains(&words) && !other
    }

    /// `Lilik Purwandi selaku peneliti senior Alvara Research Center mengatakan`: a
    /// `capacity` word (`selaku`, `sebagai`) and a role, with no comma, between a person and
    /// the speech verb after token `k`. The role is the office the person speaks in; the
    /// person (or body), an entity or name-like capitalised words right before the capacity
    /// word, is the subject, never the body inside the role.
    fn capacity_subject(&self, k: usize, sa: usize) -> Option<Who> {
        let lo = k.saturating_sub(MAX_CAPACITY_ROLE).max(sa + 1);
        let cap = (lo..=k)
            .rev()
            .take_while(|&j| {
                self.is_word(j) && self.c(j) & (ANY_SAY | POST | PRON | CONTEXT) == 0
                    || matches!(self.t(j), "-" | "." | "(" | ")")
            })
            .find(|&j| self.c(j) & CAPACITY != 0 && self.is_lower(j))?;
        if cap + 1 > k {
            return None;
        }
        let before = self.toks[cap - 1].span.end;
        if let Some(i) = self.ent_ending_at(before) {
            // (a body acting in an office speaks itself: `Pemkot Bogor selaku penyelenggara`)
            return Some(Who::Mention(self.ents[i].span));
        }
        // (capitalised words the entity stage did not take, when a title or role word opens
        // the office: `sebagai bentuk …` is none)
        let office = self.c(cap + 1) & (TITLE | KIND) != 0 || self.role_word(cap + 1);
        if !office || !self.is_cap(cap - 1) {
            return None;
        }
        let mut a = cap - 1;
        while a > sa && self.is_cap(a - 1) && self.c(a - 1) & (FUNC | CONTEXT | NOT_NAME) == 0 {
            a -= 1;
        }
        let (x, y) = self.strip_titles(a, cap - 1);
        let span = self.span(x, y);
        self.speaker_name_like(span).then_some(Who::Mention(span))
    }

    /// `Budi dari Lembaga Hijau Kalimantan menyebut`: when the subject found at token `a` is
    /// the body a person comes from (an `affiliation` word before it), the person says it.
    fn affiliated_person(&self, a: usize, sa: usize) -> Option<Who> {
        let mut j = a;
        while j > sa
            && a - j < MAX_ROLE_WORDS
            && (self.is_cap(j - 1) || self.t(j - 1) == "-" || self.c(j - 1) & PARTICLE != 0)
            && self.c(j - 1) & AFFILIATION == 0
        {
            j -= 1;
        }
        let k = j.checked_sub(2).filter(|&k| k >= sa)?;
        if self.c(j - 1) & AFFILIATION == 0 || !self.is_cap(k) {
            return None;
        }
        let mut x = k;
        while x > sa && self.is_cap(x - 1) && self.c(x - 1) & (FUNC | CONTEXT | NOT_NAME) == 0 {
            x -= 1;
        }
        let (x, y) = self.strip_titles(x, k);
        Some(Who::Mention(self.span(x, y)))
    }

    /// `Sejumlah media Israel melaporkan`, `juru bicara Kremlin mengatakan`: a place or body
    /// (tokens `a..=k`) inside a noun phrase headed by a common noun or a role is not the speaker
    /// by itself; the phrase is (linked to a person only through a role).
    fn headed_phrase(&self, a: usize, k: usize, sa: usize) -> Option<Who> {
        let stop = FUNC | CONTEXT | ADVERB | NOT_SUBJECT | AFFILIATION | ANY_SAY | POST | PRON;
        let mut j = a;
        while j > sa
            && a - j < MAX_ROLE_WORDS
            && self.is_word(j - 1)
            && self.c(j - 1) & stop == 0
            && (self.is_lower(j - 1) || self.c(j - 1) & TITLE != 0 || j - 1 == sa)
        {
            j -= 1;
        }
        if j == a {
            return None;
        }
        let span = self.span(j, k);
        if (j..a).any(|x| self.c(x) & TITLE != 0) {
            Some(Who::Mention(span))
        } else {
            Some(Who::Bare(span))
        }
    }

    /// `Aznal, Kepala Bagian Humas …`: the name (a person entity or name words) that fills the
    /// comma segment ending at the comma `p`, from the sentence start `sa` or an earlier comma.
    /// The start of a phrase that ends at token `k` just before a speech verb and stands
    /// between the verb and its subject: an `interlude` word (`kepada`, `saat`, `dalam`) right
    /// after a capitalised word or a pronoun, within a few tokens and no comma or verb.
    fn interlude_start(&self, k: usize, sa: usize) -> Option<usize> {
        // The phrase ends in a lower-case word, a number or a medium (`kepada wartawan`,
        // `saat dihubungi`, `kepada Kompas.com`); a name or pronoun right before the verb is
        // its subject (`… kepada Nasabah BCA Dia menambahkan` is glued page furniture).
        // `Qayuum Amri di Jakarta, Senin mengatakan`: a day after the place
        let mut k = k;
        if self.c(k) & NOT_NAME != 0 && self.is_cap(k) && k > sa + 1 {
            if self.t(k - 1) == "," {
                k -= 2;
            } else if self.is_lower(k - 1) {
                // `Eric Trump dalam sebuah podcast pada Senin mengisyaratkan`: a day after `pada`
                k -= 1;
            }
        }
        // (a body or place ending the phrase follows its preposition: `kepada Kompas.com`,
        // `dari Lampung Selatan`; `… Kapolresta Bandar Lampung menegaskan` is a subject)
        let body_or_place = self.c(k) & MEDIA != 0
            || self.ent_ending_at(self.toks[k].span.end).is_some_and(|i| {
                let mut a = self
                    .toks
                    .partition_point(|t| t.span.start < self.ents[i].span.start);
                while a > sa && self.is_cap(a - 1) {
                    a -= 1;
                }
                self.ents[i].label != Label::Person && a > sa && self.is_lower(a - 1)
            });
        if self.is_cap(k) && !body_or_place || self.c(k) & PRON != 0 {
            return None;
        }
        let lo = k.saturating_sub(MAX_INTERLUDE).max(sa + 1);
        for j in (lo..=k).rev() {
            if self.t(j) == "," || self.c(j) & (ANY_SAY | POST) != 0 {
                return None;
            }
            if self.c(j) & INTERLUDE != 0
                && self.is_lower(j)
                && (self.is_cap(j - 1) || self.c(j - 1) & PRON != 0 || self.t(j - 1) == ",")
            {
                return Some(j);
            }
        }
        None
    }

    /// `Name, Role … Body <verb>`: the segment from the last comma to token `k` (just before
    /// the verb) opens with a title, so it describes the name before the comma, and its
    /// closing comma was left out. Returns that name.
    fn name_before_open_apposition(&self, k: usize, sa: usize) -> Option<Who> {
        let p = (sa..k).rev().find(|&q| self.t(q) == ",")?;
        let start = p + 1;
        // (or an indefinite description: `Lufia Intan, seorang pemilik lapak mengatakan`)
        let role = self.c(start) & (TITLE | APPOSITION | INDEFINITE) != 0
            || (start + 1 < k && self.is_cap(start) && self.c(start + 1) & TITLE != 0);
        if !role
            || k - start > MAX_ROLE_SPEAKER_WORDS
            || (start..=k).any(|j| self.c(j) & ANY_SAY != 0)
        {
            return None;
        }
        // a person named at the end of the segment, after a title, speaks for themself
        // (`…, Menteri Perindustrian Agus Gumiwang menjelaskan`)
        let end = self.toks[k].span.end;
        if let Some(e) = self.ent_ending_at(end).map(|i| &self.ents[i]) {
            let a = self.toks.partition_point(|t| t.span.start < e.span.start);
            if e.label == Label::Person && a > start && self.c(a - 1) & (TITLE | TITLE_TAIL) != 0 {
                return None;
            }
        }
        // (an indefinite description that names its own person: `Biskita, salah seorang warga
        // bernama Fikri (27) mengaku`)
        let seg = self.span(start, k);
        if self.c(start) & INDEFINITE != 0
            && self
                .ents_over(seg)
                .any(|e| e.label == Label::Person && seg.contains(e.span))
        {
            return None;
        }
        let who = self.name_segment_before(p, sa)?;
        match who {
            Who::Mention(s) => {
                let a = self.toks.partition_point(|t| t.span.start < s.start);
                let bad = MEDIA | FUNC | SUBJECT_LEAD | NOT_NAME | CLAUSE_OPENER;
                (self.c(a) & bad == 0 && self.is_cap(a)).then_some(Who::Mention(s))
            }
            w => Some(w),
        }
    }

    fn name_segment_before(&self, p: usize, sa: usize) -> Option<Who> {
        let start = (sa..p)
            .rev()
            .find(|&q| self.t(q) == ",")
            .map_or(sa, |q| q + 1);
        if start >= p {
            return None;
        }
        let (mut x, y) = (start, p - 1);
        while x < y && self.c(x) & (FUNC | SUBJECT_LEAD | ADVERB) != 0 {
            x += 1;
        }
        let span = self.span(x, y);
        if let Some(e) = self.best_entity(span) {
            return (e.label == Label::Person && e.span.end == span.end)
                .then_some(Who::Mention(e.span));
        }
        self.speaker_name_like(span).then_some(Who::Mention(span))
    }

    /// A mention inside tokens `a..b` (an appositive or the X of `Menurut X`).
    fn mention_in(&self, a: usize, b: usize) -> Option<Who> {
        if a >= b {
            return None;
        }
        let span = self.span(a, b - 1);
        // `Menurut politikus Partai Amanat Nasional (PAN) itu, …`: a role phrase ending in a
        // demonstrative points back to the person named before, never to the body inside it
        if b - a >= 2 && self.c(a) & TITLE != 0 && self.c(b - 1) & DEMONSTRATIVE != 0 {
            return Some(Who::Anaphor(span));
        }
        let ent = self.best_entity(span);
        if let Some(e) = ent.filter(|e| e.label == Label::Person) {
            return Some(Who::Mention(e.span));
        }
        if let Some((x, y)) = self.role_tail_name(a, b - 1) {
            return Some(Who::Mention(self.span(x, y)));
        }
        if let Some(e) = ent {
            if self.c(a) & TITLE != 0
                && self.is_word(b - 1)
                && self.toks[b - 1].span.end == e.span.end
            {
                // `Menurut Kepala Dinas Kesehatan, …`: the role, not the body.
                return Some(Who::Mention(span));
            }
            return Some(Who::Mention(e.span));
        }
        if b - a == 1 && self.c(a) & PRON != 0 {
            return Some(Who::Anaphor(span));
        }
        if let Some(j) = (a..b).find(|&j| self.is_cap(j) && self.c(j) & (FUNC | TITLE) == 0) {
            let (x, y) = self.cap_run_from(j, b);
            let (x, y) = self.strip_titles(x, y);
            return Some(Who::Mention(self.span(x, y)));
        }
        if (a..b).all(|j| self.is_word(j)) && b - a <= 5 {
            return Some(Who::Bare(span));
        }
        None
    }

    /// Speaker of `Menurut X,` (token `m` is the cue, `comma` the comma's index).
    pub(super) fn according_who(&self, m: usize, comma: usize) -> Option<Who> {
        let w = self.t(m).to_ascii_lowercase();
        if w.ends_with(CLITIC) {
            return Some(Who::Anaphor(self.toks[m].span));
        }
        // `Menurut salah satu petinggi Twitter, Andrew Fitzgerald, …`: a role phrase, then the
        // person's name in an apposition of its own
        if let Some(e) = self.apposed_person(m + 1, comma) {
            return Some(Who::Mention(e.span));
        }
        // (the same with a name the entity stage missed: `Menurut Petugas Pos Pengamatan
        // Gunung Api Raung, Agus Tri Subekti, kolom abu …`; never the place inside the role)
        if let Some(span) = self.apposed_name(m + 1, comma) {
            return Some(Who::Mention(span));
        }
        self.mention_in(m + 1, comma.min(self.toks.len()))
    }

    /// Tokens `from..to` hold a title or a kind of person: a role that a name apposed after
    /// them holds.
    fn holds_role(&self, from: usize, to: usize) -> bool {
        (from..to).any(|j| self.c(j) & (TITLE | KIND) != 0)
    }

    /// The first token from `j` on that is no capitalised title or rank word (`AKP`, `Kombes
    /// Pol.`, `Dr.`): where a name after them starts.
    fn past_titles(&self, mut j: usize) -> usize {
        let n = self.toks.len();
        while j + 1 < n
            && (self.is_cap(j) && self.c(j) & (TITLE | TITLE_TAIL) != 0
                || self.t(j) == "." && j > 0 && self.c(j - 1) & (TITLE | TITLE_TAIL) != 0)
        {
            j += 1;
        }
        j
    }

    /// Like [`Discourse::apposed_person`] for a run of name words the entity stage did not
    /// take: two to four capitalised words after the comma at `comma`, closed by a second one.
    pub(super) fn apposed_name(&self, from: usize, comma: usize) -> Option<Span> {
        if comma + 2 >= self.toks.len() || !self.holds_role(from, comma) {
            return None;
        }
        let end = self.toks.len().min(comma + 1 + MAX_SPEAKER_WORDS);
        let (a, b) = self.cap_run_from(comma + 1, end);
        let span = self.span(a, b);
        (self.is_cap(a)
            && b > a
            && b + 1 < self.toks.len()
            && self.apposition_end(b + 1).is_some()
            && self.speaker_name_like(span))
        .then_some(span)
    }

    /// The comma that closes an apposed name whose next token is `j`: right there, or after
    /// where and when the person spoke (`…, Lukito Prasetyo di Malang, Jawa Timur, Senin,
    /// <claim>`): a place the entity stage found after `di`/`dari` (and more places after
    /// commas), then a day, maybe with its date in brackets.
    pub(super) fn apposition_end(&self, j: usize) -> Option<usize> {
        let n = self.toks.len();
        let mut k = j;
        if k + 1 < n && matches!(self.t(k), "di" | "dari") {
            k = self.place_at(k + 1)?;
            // (a place and its region, `di Malang, Jawa Timur`: a longer row of places is a
            // list the claim names, `Budi di Jakarta, Bandung, Surabaya, …`)
            if let Some(p) = self.place_at(k + 1).filter(|_| self.t(k) == ",") {
                if self.t(p) == "," && self.place_at(p + 1).is_some() {
                    return None;
                }
                k = p;
            }
        }
        if k >= n || self.t(k) != "," {
            return None;
        }
        // `, Senin,`, `, Senin (6/11),`: the day it was said
        let d = k + 1;
        if d < n && self.is_cap(d) && self.c(d) & NOT_NAME != 0 {
            let mut e = d + 1;
            if self.t(e) == "(" {
                e = (e..n.min(e + 6)).find(|&x| self.t(x) == ")")? + 1;
            }
            if e < n && self.t(e) == "," {
                return Some(e);
            }
        }
        Some(k)
    }

    /// The person entity right after the comma at `comma` that a second comma closes, when
    /// `from..comma` holds a title or a kind of person: the holder of that role.
    pub(super) fn apposed_person(&self, from: usize, comma: usize) -> Option<&'a Entity> {
        if comma >= self.toks.len() || !self.holds_role(from, comma) {
            return None;
        }
        // (a rank or title may open the apposition: `…, AKP Nandang Herawan, …`)
        let e = self
            .ent_starting_at(comma + 1)
            .or_else(|| self.ent_starting_at(self.past_titles(comma + 1)))
            .filter(|e| e.label == Label::Person)?;
        let after = self.toks.partition_point(|t| t.span.start < e.span.end);
        self.apposition_end(after).map(|_| e)
    }
}

/// Words opening a relative clause that adds what else a person is (`yang juga Ketua …`,
/// `yang merupakan …`): the clause describes someone already known.
fn relative_lead(word: &str) -> bool {
    matches!(
        word,
        "juga" | "merupakan" | "menjabat" | "kini" | "sekaligus" | "adalah" | "saat"
    )
}

/// `w` is an agent noun for a person (`pemudik`, `pedagang`, `pengendara`): it opens with
/// pe- and is no abstract pe-…-an noun (`pembangunan`, `pernyataan`).
fn agent_noun(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() > 4
        && b[..2].eq_ignore_ascii_case(b"pe")
        && !b[b.len() - 2..].eq_ignore_ascii_case(b"an")
}
