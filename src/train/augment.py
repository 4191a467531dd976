"""Target-swap augmentation. For a share of the internal disparage=1 lines (en/de/es) a copy in which
the customer is replaced by a supplier / competitor / our own system, labels 0/0 and no customer
mention (whatever else referred to the customer - pronouns, nicknames - now refers to the supplier).

The target is the customer mention that comes first in the text (the subject descriptor: "Mr Dwyer",
"the Hendersons", "Room 304 guest", "Die Müllers aus Bielefeld"). Two forms:
  role:      every occurrence of it replaced by a supplier role in the line's language ("the courier",
             "die Leute vom Großhändler", "los de la competencia"; singular/plural from the verb after
             it; "our system" only for English lines without any personal pronoun);
  qualified: only for titled names: the first occurrence gets a supplier qualifier ("Mr Dwyer from
             our parts supplier", "Herr Becker vom Großhändler"): the same-looking name, unmarked, is
             not the customer.
Lines are skipped when a mention is second person (addressed to the customer), when the first
mention is a pronoun, when another name-like customer mention would stay behind unmarked, for
German/Spanish lines whose first mention does not open the text, and for other languages."""
import random
import re

TITLES = r"(?:Mr|Mrs|Ms|Miss|Dr|Chief|Madam|Mister|Herr|Frau|Señor|Señora|Sr|Sra|Don|Doña|Licenciado|licenciado)"
TITLED = re.compile(r"^(?:(?:that|this|the|That|This|The|El|el|La|la|Der|der|Die|die)\s+)?" + TITLES +
                    r"\.?\s+[A-ZÄÖÜÁÉÍÓÚÑ][\w-]+(?:\s+[A-ZÄÖÜÁÉÍÓÚÑ][\w-]+)?('s)?$")
SECOND_PERSON = {"you", "your", "yours", "yourself", "yourselves", "u", "ur", "sie", "ihnen", "ihr", "ihre", "du",
                 "dich", "dir", "dein", "deine", "usted", "ustedes", "tú", "tu", "te", "su"}
PRONOUNS = {"he", "she", "him", "her", "his", "hers", "they", "them", "their", "theirs", "himself", "herself",
            "themselves", "er", "ihn", "ihm", "sein", "seine", "ihrer", "ihrem", "ihren", "seinen", "seinem", "él",
            "ella", "ellos", "ellas", "le", "les", "lo", "la", "los", "las", "sus"}
PERSONAL_RE = re.compile(r"\b(he|she|him|her|his|hers|they|them|their|theirs|who|whom)\b", re.I)
PLURAL_VERB = re.compile(r"^\s*(?:are|were|have|aren't|weren't|haven't|keep|want|think|always|never|sind|waren|haben|"
                         r"wollen|denken|san|son|eran|están|tienen|han|quieren|creen|se creen|viven)\b", re.I)

ROLES = {
    "en": {"sg": ["the courier", "our supplier's rep", "the driver from Parcelnet", "the Corvex Supplies rep",
                  "the wholesaler's sales guy", "the rep from our old software vendor", "the agency temp",
                  "the contractor from Brightline Scaffolding", "the guy at the competitor down the road",
                  "the manufacturer's engineer"],
           "pl": ["the couriers", "the lot at Corvex Supplies", "our suppliers", "the people at our old software vendor",
                  "the competitors down the road", "Brightline's scaffolders", "the wholesaler's sales team"],
           "thing": ["our system", "the new booking software", "our phone system"],
           "qual": [" from our parts supplier", " at the wholesaler", " from Corvex Supplies", " (our courier)",
                    " from the competitor across town", " at our software vendor"]},
    "de": {"sg": ["der Paketdienst", "unser Lieferant", "der Vertreter vom Großhändler", "der Techniker vom Hersteller",
                  "der Fahrer von der Spedition", "der Typ von der Konkurrenz"],
           "pl": ["die Lieferanten", "die Leute vom Großhändler", "die Typen von der Konkurrenz", "die Monteure vom Hersteller"],
           "thing": [],
           "qual": [" vom Großhändler", " von der Spedition", " von unserem Lieferanten", " von der Konkurrenz"]},
    "es": {"sg": ["el proveedor", "el mensajero", "el técnico del fabricante", "el representante del mayorista",
                  "el de la competencia"],
           "pl": ["los proveedores", "los de la competencia", "los mensajeros", "los del mayorista"],
           "thing": [],
           "qual": [" del proveedor", " de la competencia", " de la empresa de mensajería", " del mayorista"]},
}


def _first_mention(row):
    text = row["text"]
    found = [(text.find(m), -len(m), m) for m in set(row["customer"]) if m and text.find(m) >= 0]
    return min(found)[2] if found else None


def eligible(row):
    if row["disparage"] != 1 or row["abuse"] != 0 or row["audience"] != "internal" or row.get("lang") not in ROLES:
        return False
    if any(m.lower() in SECOND_PERSON for m in row["customer"]):
        return False
    first = _first_mention(row)
    if first is None or first.lower() in PRONOUNS or len(first) < 3:
        return False
    if row["lang"] != "en" and not row["text"].startswith(first):
        return False  # German / Spanish: only a sentence-initial subject keeps its case and article
    # another name-like customer mention ("Mrs Fry", "the Quinn brothers") would stay behind unmarked
    for m in set(row["customer"]) - {first}:
        if m.lower() not in PRONOUNS and any(c.isupper() for c in m[1:]):
            return False
    return True


def _cap(s):
    return s[0].upper() + s[1:]


def swap(row, rnd):
    lang = row.get("lang", "en")
    roles = ROLES[lang]
    text = row["text"]
    target = _first_mention(row)
    titled = bool(TITLED.match(target))
    form = rnd.choice(["role", "role", "qualified"]) if titled else "role"
    if form == "qualified":
        base = target[:-2] if target.endswith("'s") else target
        i = text.find(target)
        text = text[:i] + base + rnd.choice(roles["qual"]) + ("'s" if target.endswith("'s") else "") + \
            text[i + len(target):]
    else:
        after = text[text.find(target) + len(target):]
        plural = bool(PLURAL_VERB.match(after)) or (lang == "es" and re.match(r"^(Los|Las|los|las) ", target) is not None)
        if lang == "en" and roles["thing"] and not plural and not PERSONAL_RE.search(text) and rnd.random() < 0.3:
            role = rnd.choice(roles["thing"])
        else:
            role = rnd.choice(roles["pl" if plural else "sg"])
        poss = target.endswith("'s") and lang == "en"
        out, pos = [], 0
        for mo in re.finditer(re.escape(target), text):
            s = mo.start()
            if not (s == 0 or not text[s - 1].isalnum()):
                continue
            out.append(text[pos:s])
            rep = role + ("'s" if poss else "")
            if lang == "en" and re.search(r"\b(that|this|these|those)\s+$", text[:s], re.I):
                rep = re.sub(r"^(the|our) ", "", rep)
            at_start = s == 0 or text[:s].rstrip()[-1:] in (".", "!", "?", ":", "")
            out.append(_cap(rep) if at_start else rep)
            pos = mo.end()
        out.append(text[pos:])
        text = "".join(out)
    return dict(row, id=row["id"] + "-swap", text=text, customer=[], disparage=0, abuse=0,
                kind="aug-target-swap-" + form)


def augment(rows, share, seed):
    rnd = random.Random(seed)
    out = []
    for r in rows:
        if eligible(r) and rnd.random() < share:
            out.append(swap(r, rnd))
    return out
