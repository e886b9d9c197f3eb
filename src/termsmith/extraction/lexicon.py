"""What termsmith knows about English words without a tagger model.

Closed-class words come from hand-made lists; the open classes a word can
belong to come from lemminflect's lexicon (which ships with the package), and
general-language frequency from wordfreq's offline tables. Both are imported
here and only here, so that nothing outside extraction pays for them.
"""

from __future__ import annotations

from functools import lru_cache


def words(text: str) -> frozenset[str]:
    """A word list written as one string.

    >>> sorted(words("of and"))
    ['and', 'of']
    """
    return frozenset(text.split())


# Words that never belong inside a term: determiners, pronouns, auxiliaries,
# conjunctions and prepositions (``of``/``and`` are handled by the grammar).
DETERMINERS = words(
    "a an the this that these those each every either neither no some any all both "
    "such what which whose another many much more most few fewer several enough "
    "less least whatever whichever"
)
PRONOUNS = words(
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves "
    "he him his himself she her hers herself it its itself they them their theirs "
    "themselves who whom one ones oneself someone somebody something anyone anybody "
    "anything everyone everybody everything nobody nothing none"
)
AUXILIARIES = words(
    "be is are was were been being am have has had having do does did doing done "
    "will would shall should can could may might must ought cannot 's 're 've 'd 'll "
    "isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't "
    "wouldn't shouldn't can't couldn't mustn't"
)
CONJUNCTIONS = words(
    "and or but nor yet so if because although though while whereas whether unless "
    "once when where why how than then as since until till whilst lest"
)
PREPOSITIONS = words(
    "of in on at by for with from to into onto upon about against among amongst "
    "between through throughout during before after above below under over within "
    "without across along around behind beyond toward towards via per like despite "
    "including regarding concerning except besides beside near inside outside off "
    "up down out away unlike amid"
)
ADVERBS = words(
    "not also very only just even still already however therefore thus hence here "
    "there now often always never sometimes usually too quite rather again ever "
    "perhaps maybe almost yes no indeed furthermore moreover nevertheless meanwhile "
    "otherwise instead else etc namely respectively accordingly further"
)
# Modifiers that make a phrase, not a term ("other countries", "various forms").
GENERAL_MODIFIERS = words(
    "other same such various certain own different particular whole entire "
    "following above below said respective relevant specific general new main "
    "major important possible necessary certain further additional current "
    "previous next last first second third fourth fifth many several numerous "
    "good best better great greater greatest large larger largest small smaller "
    "high higher low lower long longer short key real actual full clear strong "
    "firm effective total overall basic simple common usual typical similar "
    "appropriate wide broad recent past present future early late multiple "
    "neighboring neighbouring respective comprehensive high-quality in-depth world-class "
    "fundamental greater long-term short-term medium-term"
)
# General nouns: "shell nouns" (Schmid 2000) that stand for whatever the text
# talks about, and nouns of complex prepositions ("in accordance with", "with
# regard to"). Alone they are never terms, whatever the domain.
GENERAL_NOUNS = words(
    "fact idea problem issue thing way case point reason question result aspect level "
    "basis context scope regard respect matter part kind type form sort means example "
    "instance extent degree effect purpose need possibility ability attempt effort "
    "opportunity situation position view approach area field term number amount lot "
    "variety range set series use role nature feature factor element detail "
    "method step stage time period year day month week place end beginning order "
    "accordance relation light addition connection favour favor behalf line lieu spite "
    "virtue account consequence outcome importance thing things way ways whole "
    "majority minority percent share total item items topic topics subject subjects "
    "content contents sense manner relevance capability efficiency effectiveness "
    "proficiency quality"
)
# Events and occasions: what a press release reports on, not what a glossary of
# its domain is for ("graduation ceremony", "thematic presentation").
EVENT_NOUNS = words(
    "ceremony presentation event meeting conference session visit tour symposium seminar "
    "workshop celebration reception banquet speech remark anniversary gala exhibition "
    "briefing interview occasion gathering graduation festival parade inauguration "
    "award photo"
)
FUNCTION_WORDS = DETERMINERS | PRONOUNS | AUXILIARIES | CONJUNCTIONS | PREPOSITIONS | ADVERBS

# Heads of names of institutions and organisations, and words of titles: a
# capitalised phrase holding one of these is a name worth a glossary entry.
INSTITUTION_WORDS = words(
    "academy agency assembly association authority bank board bureau cabinet centre "
    "center chamber commission committee congress council court department directorate "
    "federation foundation government institute institution league ministry "
    "office organisation organization parliament party procuratorate programme program "
    "school secretariat senate service society tribunal union university people's "
    "convention treaty act code charter protocol directive regulation law constitution "
    "fund forum group network police army"
)
TITLE_WORDS = words(
    "president vice minister secretary director general deputy chief chairman chairperson "
    "chair prosecutor procurator judge justice commissioner ambassador governor mayor "
    "premier officer inspector attorney counsel registrar ombudsman auditor "
    "head member speaker"
)

# The vocabulary of law, the domain termsmith is made for (see "domain prior"
# in docs/extraction.md). Lower case, singular; stems of derived forms listed.
LEGAL_WORDS = words(
    "law legal legally legislation legislative legislature lawful unlawful illegal illicit "
    "judicial judiciary judge justice court tribunal prosecution prosecutor prosecutorial "
    "prosecute procuratorate procuratorial procurator procuracy attorney counsel lawyer "
    "jurisdiction jurisprudence statute statutory regulation regulatory treaty convention "
    "constitution constitutional right obligation liability liable crime criminal "
    "criminality offence offense offender penalty penal sanction sentence conviction "
    "convict acquittal verdict judgment judgement appeal trial litigation lawsuit "
    "plaintiff defendant accused suspect victim witness evidence testimony proof "
    "indictment arrest detention custody bail parole prison imprisonment investigation "
    "police enforcement compliance oversight procedure procedural sovereignty "
    "extradition corruption corrupt bribery bribe fraud fraudulent embezzlement "
    "laundering misconduct contract tort ownership arbitration mediation dispute damages "
    "remedy injunction immunity amnesty asylum citizenship legality legitimacy "
    "safeguard jurist judicature case decree ordinance directive enactment clause "
    "tax taxation audit auditor accountability transparency governance integrity "
    "confiscation seizure forfeiture sanctioning punishable punishment"
)


@lru_cache(maxsize=200_000)
def classes(word: str) -> frozenset[str]:
    """The open classes a lower-case word can have: NOUN, VERB, ADJ, ADV, PROPN, AUX.

    Empty for a word lemminflect's lexicon does not know.

    >>> sorted(classes("training"))
    ['NOUN', 'VERB']
    """
    return frozenset(_lemmas(word))


@lru_cache(maxsize=200_000)
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    from lemminflect import getAllLemmas

    return dict(getAllLemmas(word))


@lru_cache(maxsize=200_000)
def is_participle(word: str) -> bool:
    """Whether a lower-case word is an ``-ed``/``-en``/``-ing`` form of a verb.

    >>> is_participle("enhanced"), is_participle("strengthen"), is_participle("taken")
    (True, False, True)
    """
    from lemminflect import getAllLemmas

    if not word.endswith(("ed", "en", "ing")):
        return False
    lemmas = getAllLemmas(word).get("VERB", ())
    return bool(lemmas) and word not in lemmas


@lru_cache(maxsize=200_000)
def noun_lemma(word: str) -> str:
    """The singular of a lower-case noun (``organs`` → ``organ``), or the word itself.

    >>> noun_lemma("prosecutors"), noun_lemma("procuratorates"), noun_lemma("data")
    ('prosecutor', 'procuratorate', 'data')
    """
    from lemminflect import getLemma

    known = _lemmas(word)
    if known:
        lemmas = known.get("NOUN") or known.get("PROPN")
        if not lemmas:
            return word
        # lemminflect lists "data" and "datum": keep a form that is also the word.
        return word if word in lemmas else str(lemmas[0])
    if "-" in word:
        head, _, last = word.rpartition("-")
        return f"{head}-{noun_lemma(last)}" if last else word
    if len(word) < 4 or not word.isalpha() or word.endswith(("ss", "us", "is")):
        return word
    guess = getLemma(word, "NOUN", lemmatize_oov=True)
    return str(guess[0]) if guess else word


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """General-English frequency of a lower-case word on the Zipf scale (0–8).

    >>> zipf("the") > 7 > 2 > zipf("procuratorate")
    True
    >>> zipf("foreign-related") < zipf("foreign") - 1
    True
    """
    from wordfreq import zipf_frequency

    whole = float(zipf_frequency(word, "en"))
    parts = [p for p in word.split("-") if p]
    if len(parts) < 2 or not whole:
        return whole
    # wordfreq reads "foreign-related" as the words "foreign" and "related", as
    # common as the rarer of them; as one word it is much rarer. Take the mean
    # of that and the estimate of independent parts (sum of Zipf values - 9 per join).
    independent = sum(float(zipf_frequency(p, "en")) for p in parts) - 9 * (len(parts) - 1)
    return (whole + max(independent, 0.0)) / 2
