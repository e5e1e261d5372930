//! The reporting cue table: `data/cues.tsv` parsed into [`Cues`], plus the class bits the
//! other parts of the stage test tokens against.
//!
//! Every word token of a document is looked up once (see [`super::find`]), and most are no
//! cue, so the table is built for rejecting fast: a bit filter on length and first/last
//! letter, then one integer-keyed hash lookup for short ASCII words. A word may carry several
//! classes at once, hence bits rather than an enum.

use rustc_hash::FxHashMap as HashMap;

const CUES_TSV: &str = include_str!("../../data/cues.tsv");
/// The entity stage's list of capitalised words that are never names (days, months, openers).
const NAME_STOPWORDS: &str = include_str!("../../data/name_stopwords.txt");
/// The entity stage's titles and roles (`data/titles.tsv`): its one-word `role`, `employer`, `kind` and
/// `honorific` phrases are titles here too (`pelatih`, `Kombes`), so that both stages agree.
const TITLES: &str = include_str!("../../data/titles.tsv");
/// Degrees after a name (`data/degrees.txt`), shared with the entity stage.
const DEGREES: &str = include_str!("../../data/degrees.txt");

pub(super) const POST: u64 = 1 << 0;
pub(super) const SAY: u64 = 1 << 1;
pub(super) const SAY_BAHWA: u64 = 1 << 2;
pub(super) const SAY_QUOTE: u64 = 1 << 3;
pub(super) const PASSIVE_NYA: u64 = 1 << 4;
pub(super) const ACCORDING: u64 = 1 << 5;
pub(super) const MEDIA: u64 = 1 << 6;
pub(super) const PRON: u64 = 1 << 7;
pub(super) const PRON_PLURAL: u64 = 1 << 8;
pub(super) const PARTIAL_VERB: u64 = 1 << 9;
pub(super) const TITLED: u64 = 1 << 10;
pub(super) const ADVERB: u64 = 1 << 11;
pub(super) const CONTEXT: u64 = 1 << 12;
pub(super) const TITLE: u64 = 1 << 13;
pub(super) const FUNC: u64 = 1 << 14;
pub(super) const MODAL: u64 = 1 << 15;
pub(super) const NOT_SUBJECT: u64 = 1 << 16;
pub(super) const DEMONSTRATIVE: u64 = 1 << 17;
/// Derived: a `post` verb with the `-nya` clitic (`ujarnya`).
pub(super) const POST_NYA: u64 = 1 << 18;
/// Speech verbs whose complement may be a bare predicate (`mengaku senang …`).
pub(super) const SAY_PREDICATE: u64 = 1 << 32;
/// Nouns that make a speech frame with a giving verb (`memberi gambaran, …`).
pub(super) const SAY_NOUN: u64 = 1 << 33;
/// Giving verbs before a [`SAY_NOUN`] (`memberi`, `memberikan`).
pub(super) const GIVE: u64 = 1 << 34;
/// Sentence-initial `-nya` cues with a comma (`Jelasnya, …`): the claim follows.
pub(super) const INITIAL_NYA: u64 = 1 << 35;
/// Roles that are also given names (`Sultan`, `Imam`): not imported as titles.
pub(super) const GIVEN_NAME: u64 = 1 << 36;
/// Words opening a phrase between a subject and its speech verb (`Budi kepada wartawan
/// mengatakan`, `Ia saat dihubungi menjelaskan`): the subject is before them.
pub(super) const INTERLUDE: u64 = 1 << 37;
/// Words that make a time phrase with a following `ini`/`itu` (`belum lama ini`, `saat
/// itu`): such a demonstrative closes no role phrase.
pub(super) const TIME_NOUN: u64 = 1 << 38;
/// Words that open an apposition after a name and its comma (`Yayan, selaku Panglima …`).
pub(super) const APPOSITION: u64 = 1 << 39;
/// Nouns that open a noun-phrase object after a speech verb, not a claim (`menjelaskan alasan
/// …`, `menyampaikan apresiasi …`), even when a verb follows inside the phrase.
pub(super) const OBJECT_NOUN: u64 = 1 << 40;
/// Speech verbs whose complement is a clause even when it opens with an [`OBJECT_NOUN`]
/// (`mengatakan dukungan itu sangat berarti`).
pub(super) const SAY_CLAUSE: u64 = 1 << 41;
/// Plural markers (`para`, `sejumlah`): a speaker phrase opening with one is a group.
pub(super) const PLURAL: u64 = 1 << 19;
pub(super) const MANNER: u64 = 1 << 20;
pub(super) const ACCORDING_NOT: u64 = 1 << 21;
pub(super) const PARTICLE: u64 = 1 << 22;
/// Words that are never a personal name (days, months, sentence openers): from the entity
/// stage's `data/name_stopwords.txt`.
pub(super) const NOT_NAME: u64 = 1 << 23;
pub(super) const AFFILIATION: u64 = 1 << 24;
/// `bahwa`: the complementizer that opens a reported claim.
pub(super) const THAT: u64 = 1 << 25;
/// `demikian`: a word that may sit between a closing quote and its post cue.
pub(super) const POST_LEAD: u64 = 1 << 26;
/// Plain (unaffixed) verbs and predicates that make a bare clause (`ada`, `naik`).
pub(super) const PREDICATE: u64 = 1 << 27;
/// Time and frame words that may open a bare claim (`saat ini`, `kini`).
pub(super) const CLAUSE_OPENER: u64 = 1 << 28;
/// Opinion and evaluation verbs (`menilai`, `mengakui`): their subject becomes the current
/// speaker, though they report no claim of their own.
pub(super) const FRAME: u64 = 1 << 29;
/// Clause connectors (`Namun`, `Sementara itu`) after which a name is a sentence subject.
pub(super) const SUBJECT_LEAD: u64 = 1 << 30;
/// Words that continue a rank (`Komisaris Besar`, `Inspektur Polisi Satu`, `Irjen Pol.`):
/// between a title and the name, never part of the name.
pub(super) const TITLE_TAIL: u64 = 1 << 31;

/// Indefinite determiners (`seorang`, `salah`): a speaker phrase opening with one is an unnamed
/// source (`kata seorang sumber`).
pub(super) const INDEFINITE: u64 = 1 << 42;

/// Nouns for bodies (`perusahaan`, `kementerian`): a demonstrative phrase they head
/// (`perusahaan itu`) points back to an organisation, not to a person.
pub(super) const BODY_NOUN: u64 = 1 << 43;

/// Passive speech verbs (`diungkapkan`, `dikatakan`, `diakui`): the agent after them
/// (`… diakui oleh Maryanto`) becomes the current speaker.
pub(super) const PASSIVE_SAY: u64 = 1 << 44;
/// Derived from `data/titles.tsv` class `kind` (`petani`, `warga`, `mahasiswa`): a title when
/// it opens a role phrase, a word of a name inside a capitalised run (`Front Mahasiswa
/// Nasional`), where [`find_classified`](super::find_classified) drops its [`TITLE`].
pub(super) const KIND: u64 = 1 << 45;
/// Prepositions before an object (`kepada`, `bersama`): a `Role, Name` apposition right after
/// one names someone talked about (see `Discourse::object_apposition`).
pub(super) const OBJECT_LEAD: u64 = 1 << 46;
/// Academic degrees written after a name (`Dr Muhammad Sholeh, MPd`): not the subject.
pub(super) const DEGREE: u64 = 1 << 47;
/// Post verbs that may also open a sentence with their speaker (`Kata Bima, …`, `Tulis
/// Prasetya, …`); not `Buka FJGS 2025, …` or `Cerita ini …`, which open other things.
pub(super) const POST_OPENING: u64 = 1 << 48;
/// Passives of being asked or reached (`ditanya`, `dikonfirmasi`, `dihubungi`): their subject
/// is about to answer, so it stays a candidate speaker (see `Discourse::passive_after`).
pub(super) const ADDRESSED: u64 = 1 << 49;
/// Nouns for a person that open an epithet (`pria`, `wanita`, `sosok`): with a link word after
/// them (`pria yang akrab disapa Toto`, `wanita asal Bandung`) the phrase points back to the
/// salient person, as a demonstrative role does.
pub(super) const EPITHET: u64 = 1 << 50;
/// Words that tie an epithet's noun to what describes it (`yang`, `asal`, `kelahiran`).
pub(super) const EPITHET_LINK: u64 = 1 << 51;
/// Words before a nickname (`disapa`, `dipanggil`): a name after them inside an epithet is
/// the nickname of the person talked about, not a second person.
pub(super) const NICKNAME: u64 = 1 << 52;
/// Nouns for what someone says (`jawaban`, `pernyataan`, `unggahan`): opening a sentence before
/// a name (`Jawaban Susi singkat: …`), they make the name the one who speaks, unlike other
/// everyday nouns there (`Rumah Ahmad Sahroni itu berada …` is about his house).
pub(super) const SPEECH_NOUN: u64 = 1 << 53;
/// Nouns for a kind of person that are no titles (`nasabah`, `jemaah`, `bocah`): opening a
/// sentence before a name they stand in apposition to it (`Nasabah Budi mengaku …`).
pub(super) const PERSON_NOUN: u64 = 1 << 54;
/// Conjunctions that open a subordinate clause (`karena`, `lantaran`, `sehingga`): a speech
/// verb whose subject follows one mid-sentence (`Raihan ikut lantaran Adhi mengaku sedih`) is
/// reported inside another clause, and its subject does not take the floor.
pub(super) const SUBORDINATOR: u64 = 1 << 55;
/// Nouns for a relative or partner (`suami`, `kakak`, `mantan istri`): `suami Mulan Jameela
/// itu` is the husband the article is about, never the person named in the phrase.
pub(super) const KIN: u64 = 1 << 56;
/// Words tying a person to the office they speak in, with no comma (`Lilik Purwandi selaku
/// peneliti Alvara Research Center mengatakan`): the person before them is the subject.
pub(super) const CAPACITY: u64 = 1 << 57;

pub(super) const CLASSES: [(&str, u64); 56] = [
    ("post", POST),
    ("say", SAY),
    ("say-bahwa", SAY_BAHWA),
    ("say-quote", SAY_QUOTE),
    ("passive-nya", PASSIVE_NYA),
    ("according", ACCORDING),
    ("media", MEDIA),
    ("pron", PRON),
    ("pron-plural", PRON_PLURAL),
    ("partial-verb", PARTIAL_VERB),
    ("titled", TITLED),
    ("adverb", ADVERB),
    ("context", CONTEXT),
    ("title", TITLE),
    ("func", FUNC),
    ("modal", MODAL),
    ("not-subject", NOT_SUBJECT),
    ("demonstrative", DEMONSTRATIVE),
    ("manner", MANNER),
    ("according-not", ACCORDING_NOT),
    ("particle", PARTICLE),
    ("not-name", NOT_NAME),
    ("affiliation", AFFILIATION),
    ("that", THAT),
    ("post-lead", POST_LEAD),
    ("predicate", PREDICATE),
    ("clause-opener", CLAUSE_OPENER),
    ("frame", FRAME),
    ("subject-lead", SUBJECT_LEAD),
    ("title-tail", TITLE_TAIL),
    ("plural", PLURAL),
    ("say-predicate", SAY_PREDICATE),
    ("say-noun", SAY_NOUN),
    ("give", GIVE),
    ("initial-nya", INITIAL_NYA),
    ("given-name", GIVEN_NAME),
    ("interlude", INTERLUDE),
    ("time-noun", TIME_NOUN),
    ("apposition", APPOSITION),
    ("object-noun", OBJECT_NOUN),
    ("say-clause", SAY_CLAUSE),
    ("indefinite", INDEFINITE),
    ("body-noun", BODY_NOUN),
    ("passive-say", PASSIVE_SAY),
    ("object-lead", OBJECT_LEAD),
    ("degree", DEGREE),
    ("post-opening", POST_OPENING),
    ("addressed", ADDRESSED),
    ("epithet", EPITHET),
    ("epithet-link", EPITHET_LINK),
    ("nickname", NICKNAME),
    ("speech-noun", SPEECH_NOUN),
    ("person-noun", PERSON_NOUN),
    ("subordinator", SUBORDINATOR),
    ("kin", KIN),
    ("capacity", CAPACITY),
];

/// The clitic that makes `ujar` the speaker's own word (`ujarnya`), `menurut` anaphoric.
pub(super) const CLITIC: &str = "nya";

/// Any speech verb that can introduce a quotation or a claim.
pub(super) const ANY_SAY: u64 = SAY | SAY_BAHWA | SAY_QUOTE;

/// The reporting cues (data file `data/cues.tsv`), loaded once per tagger.
///
/// Every word belongs to one or more classes (`post`, `say`, `according`, …; the file's header
/// explains them). Lookups are case-insensitive.
///
/// ```
/// use indotag::quote::Cues;
/// let cues = Cues::defaults();
/// assert!(cues.is_cue("kata"));
/// assert!(cues.is_cue("Ujarnya"));
/// assert!(cues.is_cue("mengatakan"));
/// assert!(!cues.is_cue("menilai"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Cues {
    words: HashMap<Box<str>, u64>,
    /// The same words keyed by bytes, for lookups that lower ASCII on the stack.
    bytes: HashMap<Box<[u8]>, u64>,
    /// The ASCII words of at most 15 bytes keyed by [`pack16`]: hashing one integer instead of
    /// a byte slice, since every word token of a text is looked up (most cue words are short).
    packed: HashMap<u128, u64>,
    /// One bit per (length, first letter, last letter) of some word (see [`filter_key`]): most
    /// words of a text are no cue, and this rejects them without hashing.
    filter: Vec<u64>,
    /// Verb prefixes (class `verb-prefix`): matched at word starts, never as words.
    prefixes: Vec<Box<str>>,
}

impl Cues {
    /// The embedded default cue list.
    pub fn defaults() -> Cues {
        // The embedded file is checked by the tests below, so parsing it cannot fail.
        let mut cues = Cues::parse(CUES_TSV).expect("embedded data/cues.tsv is valid");
        for line in TITLES.lines().filter(|l| !l.starts_with('#')) {
            if let Some((phrase, class @ ("role" | "rank" | "employer" | "kind" | "honorific"))) =
                line.split_once('\t')
            {
                let w = cues.words.entry(phrase.to_lowercase().into()).or_default();
                if !phrase.contains(' ') && *w & GIVEN_NAME == 0 {
                    *w |= TITLE;
                    if class == "kind" {
                        *w |= KIND;
                    }
                }
            }
        }
        for w in NAME_STOPWORDS.lines().map(str::trim) {
            if !w.is_empty() && !w.starts_with('#') {
                *cues.words.entry(w.to_lowercase().into()).or_default() |= NOT_NAME;
            }
        }
        for w in crate::entity::role_not_name_words() {
            *cues.words.entry(w.into()).or_default() |= NOT_NAME;
        }
        for w in DEGREES.lines().map(str::trim) {
            if !w.is_empty() && !w.starts_with('#') {
                *cues.words.entry(w.into()).or_default() |= DEGREE;
            }
        }
        cues.seal();
        cues
    }

    /// Parses a cue list in the `data/cues.tsv` format (`word<TAB>class`, `#` comments, one
    /// header line `cue<TAB>class`). Errors name the line.
    ///
    /// ```
    /// use indotag::quote::Cues;
    /// let cues = Cues::parse("cue\tclass\nkata\tpost\n").unwrap();
    /// assert!(cues.is_cue("kata"));
    /// assert!(Cues::parse("cue\tclass\nkata\tnonsense\n").unwrap_err().contains("line 2"));
    /// ```
    pub fn parse(content: &str) -> Result<Cues, String> {
        let mut words: HashMap<Box<str>, u64> = HashMap::default();
        let mut prefixes = Vec::new();
        for (i, line) in content.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') || line == "cue\tclass" {
                continue;
            }
            let (word, class) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {}: expected `word<TAB>class`", i + 1))?;
            if class.trim() == "verb-prefix" {
                prefixes.push(word.trim().to_lowercase().into());
                continue;
            }
            let bit = CLASSES
                .iter()
                .find(|(n, _)| *n == class.trim())
                .map(|(_, b)| *b)
                .ok_or_else(|| format!("line {}: unknown class `{class}`", i + 1))?;
            *words.entry(word.trim().to_lowercase().into()).or_default() |= bit;
        }
        // `ujar` gives `ujarnya`; keep explicit entries' classes too.
        let posts: Vec<Box<str>> = words
            .iter()
            .filter(|(_, c)| **c & POST != 0)
            .map(|(w, _)| w.clone())
            .collect();
        for w in posts {
            *words.entry(format!("{w}{CLITIC}").into()).or_default() |= POST_NYA;
        }
        let mut cues = Cues {
            words,
            prefixes,
            ..Cues::default()
        };
        cues.seal();
        Ok(cues)
    }

    /// Rebuilds the byte-keyed table and the filter from `words`.
    fn seal(&mut self) {
        self.bytes = self
            .words
            .iter()
            .map(|(w, &c)| (w.as_bytes().into(), c))
            .collect();
        self.packed = self
            .words
            .iter()
            .filter(|(w, _)| w.is_ascii())
            .filter_map(|(w, &c)| Some((pack16(w.as_bytes())?, c)))
            .collect();
        self.filter = vec![0; FILTER_WORDS];
        for w in self.words.keys() {
            if let Some(k) = filter_key(w.as_bytes()) {
                self.filter[k / 64] |= 1 << (k % 64);
            }
        }
    }

    /// True when `word` is a reporting cue (a speech verb, `menurut`, a `-nya` cue, …).
    pub fn is_cue(&self, word: &str) -> bool {
        self.class(word) & (POST | POST_NYA | ANY_SAY | ACCORDING | PASSIVE_NYA) != 0
    }

    /// True when `word` (lower case) starts with a verb prefix (`me-`, `ber-`, `di-`, `ter-`).
    pub(super) fn verb_prefix(&self, word: &str) -> bool {
        self.prefixes.iter().any(|p| word.starts_with(&**p))
    }

    /// The class bits of `word`, case-insensitively; 0 when unknown. Cue words are ASCII, so
    /// anything else is not looked up, and short words are lowered on the stack.
    pub(crate) fn class(&self, word: &str) -> u64 {
        let b = word.as_bytes();
        if b.len() <= 15 {
            if !b.is_ascii() || !self.may_be_word(b) {
                return 0;
            }
            return pack16(b).map_or(0, |p| self.packed.get(&p).copied().unwrap_or(0));
        }
        if b.len() > 32 || !word.is_ascii() || !self.may_be_word(b) {
            return 0;
        }
        let mut buf = [0u8; 32];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        self.bytes.get(&buf[..b.len()]).copied().unwrap_or(0)
    }

    /// The ASCII words of at most 15 bytes, packed, with their classes: what the merged word
    /// table ([`crate::wordclass::WordTable`]) takes from this one.
    pub(crate) fn packed_words(&self) -> impl Iterator<Item = (u128, u64)> + '_ {
        self.packed.iter().map(|(&k, &c)| (k, c))
    }

    /// False when no word has the length, first and last letter of `b` (see [`filter_key`]).
    #[inline]
    fn may_be_word(&self, b: &[u8]) -> bool {
        filter_key(b).is_some_and(|k| {
            self.filter
                .get(k / 64)
                .is_some_and(|f| f & (1 << (k % 64)) != 0)
        })
    }
}

/// An ASCII word of at most 15 bytes, lower-cased, packed into one integer (see
/// [`crate::wordclass::pack16`]).
#[inline]
fn pack16(b: &[u8]) -> Option<u128> {
    (b.len() <= 15).then(|| crate::wordclass::pack16(b))
}

/// Size of [`Cues`]'s filter in 64-bit words: one bit per 15-bit [`filter_key`].
const FILTER_WORDS: usize = 1 << (15 - 6);

/// The filter bit of an ASCII word, case-insensitively: its length and the low five bits of
/// its first and last bytes (letters differ there, whatever their case). `None` when empty.
fn filter_key(b: &[u8]) -> Option<usize> {
    let (&first, &last) = (b.first()?, b.last()?);
    Some((b.len() & 31) | (usize::from(first & 31) << 5) | (usize::from(last & 31) << 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_cue_file_parses() {
        let cues = Cues::defaults();
        assert!(cues.class("kata") & POST != 0);
        assert!(cues.class("katanya") & POST_NYA != 0);
        assert!(cues.class("Menurut") & ACCORDING != 0);
    }

    #[test]
    fn class_lookup_handles_every_word_length() {
        let cues =
            Cues::parse("cue\tclass\nkata\tpost\nmenyampaikannya\tpost\nmemperdebatkannya\tpost\n")
                .unwrap();
        // 4, 15 and 17 bytes: packed lookups up to 15, the byte table beyond
        assert!(cues.class("KATA") & POST != 0);
        assert!(cues.class("Menyampaikannya") & POST != 0);
        assert!(cues.class("Memperdebatkannya") & POST != 0);
        assert_eq!(cues.class("kat"), 0);
        assert_eq!(cues.class("kata\u{0}"), 0);
        assert_eq!(cues.class("menyampaikannyaa"), 0);
    }
}
