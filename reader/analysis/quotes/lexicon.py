"""Word lists the cue patterns are built from: speech verbs and the words around a speaker.

Kept apart from the patterns so the lists can grow without touching the logic.
"""

from __future__ import annotations


def _forms(stems: str) -> frozenset[str]:
    """Every inflection given, space-separated, e.g. "say says said saying"."""
    return frozenset(stems.split())


SPEECH_VERBS = _forms("""
say says said saying tell tells told telling add adds added adding reply replies replied replying
respond responds responded responding warn warns warned warning insist insists insisted insisting
argue argues argued arguing note notes noted noting explain explains explained explaining
write writes wrote writing tweet tweets tweeted tweeting state states stated declare declares
declared declaring ask asks asked asking continue continues continued claim claims claimed claiming
remark remarks remarked recall recalls recalled recalling acknowledge acknowledges acknowledged
admit admits admitted admitting announce announces announced announcing complain complains
complained complaining concede concedes conceded joke jokes joked joking quip quips quipped
observe observes observed suggest suggests suggested suggesting urge urges urged urging vow vows
vowed vowing promise promises promised predict predicts predicted predicting shout shouts shouted
yell yells yelled exclaim exclaims exclaimed answer answers answered agree agrees agreed
counter counters countered caution cautions cautioned contend contends contended maintain
maintains maintained emphasize emphasizes emphasized emphasised stress stresses stressed demand
demands demanded boast boasts boasted brag brags bragged lament laments lamented muse muses mused
conclude concludes concluded charge charges charged allege alleges alleged testify testifies
testified report reports reported read reads proclaim proclaims proclaimed pledge pledges pledged
thunder thundered beamed scoffed scoff scoffs retort retorts retorted reiterate reiterates
reiterated assert asserts asserted post posts posted wonder wonders wondered describe describes
described describing call calls called calling dub dubs dubbed label labels labeled labelled
brand branded chant chanted chanting shouting interjected recounted recounts confirmed confirms
confirm mocked ridiculed accused accuses accuse quoted sighed sighs whispered whispers pleaded
pleads begged begs cried cries scold scolds scolded lauded lauds referred refers cited cites cite
mock mocks barked barks retaliated opined opines demurred gushed gushes chided chides sneered
snapped snarled grumbled grumbles griped gripes groused grouses fumed fumes ranted rants marveled
marvelled marvels elaborated elaborates clarified clarifies speculated speculates reasoned
assured assures reassured reassures interrupted interrupts implored implores boomed concurred
deadpanned defend defends defended repeat repeats repeated
""")

# Verbs of judging that frame a quoted word as someone's ("likened them to a “vicious snake”").
JUDGING_VERBS = _forms("""
liken likens likened pound pounds pounded pounding blast blasts blasted criticize criticizes criticized
criticised slam slams slammed praise praises praised attack attacks attacked condemn condemns
condemned denounce denounces denounced dismiss dismisses dismissed hail hails hailed characterize
characterizes characterized portray portrays portrayed reference referenced rate rates rated rule
rules ruled deem deems deemed tout touts touted decry decries decried lambaste lambasted deride
derides derided nickname nicknamed term terms termed
""")

# Forms that are nouns as often as verbs ("late-night tweets", "news reports", "a call").
AMBIGUOUS_VERBS = _forms("""
call calls report reports post posts claim claims charge charges note notes state states read reads
remark remarks answer answers demand demands promise promises pledge pledges tweet tweets
counter counters label labels brand dub dubs write writes say tell warning continue reply
replies cries attack attacks rate rates rule rules reference term terms praise pound lament
laments vow vows joke jokes quip quips retort retorts boast boasts comment comments shout shouts
""")

AUXILIARIES = _forms(
    "will would could should can may might must did does do to n’t n't not also has "
    "have had never once later then just"
)

# Words that open a sentence with a phrase before its subject: "In July, Gingrich …".
INTRO = _forms("""
in on at during after before since last earlier later meanwhile but and so still however though
although while when as then also yet for with without under by from over speaking asked months
years weeks days thus instead now again even yesterday today this that once following despite
amid among throughout given like unlike if because whether what where here there pressed
there’s it’s that’s here’s what’s
""")

# Verbs whose subject is never the person after them ("told reporters" names the listener).
NO_INVERSION = _forms(
    "told tells tell telling call calls called calling accused accuses accuse "
    "described describes describe dub dubs dubbed label labels labeled labelled "
    "branded brand quoted urged urges"
)

SUBJECT_PRONOUNS = _forms("he she they i we it you who")
PERSONAL_PRONOUNS = _forms("he she i")

DETERMINERS = _forms("""
the a an his her their its our my your this that these those one another some many several two
three four both each every any most other
""")

# Words that may sit between a speaker and the verb: "Trump also said", "she has long argued".
BETWEEN = _forms("""
also later then again once previously recently repeatedly reportedly has have had would will
shall could might may did does do later first last earlier further simply just still even
already never often always long monday tuesday wednesday thursday friday saturday sunday
yesterday today tonight on this week night morning afternoon evening last now meanwhile
""")

# Words that cannot end a speaker phrase, so a backward search stops at them.
STOPS = _forms("""
that and but or if when while because as so than to of in on at for from with by into about
after before since until is was are were be been being not no which what where how why whether
there here said says told
""")

# Courtesy titles say nothing about a role: "Mr" makes no one "the minister".
COURTESY_TITLES = _forms("mr mrs ms dr sen rep gov gen lt col sgt capt prof rev pres")

# Sentence subjects that never speak a quoted fragment: "It was “…”", "Immediately after …".
NOT_SPEAKERS = INTRO | STOPS | _forms("it you nothing nobody everything everyone each another good")
