#!/usr/bin/env python3
"""Generate Reputa's demo snapshots: fictional reviews of "Aurora Bistrot".

Usage:  python3 scripts/gen_demo.py OUTDIR        (normally OUTDIR = snapshots)

Every file is written in the byte format of the real portal export it imitates
(see snapshots/README.md and the project's notes on source formats): App Store
Atom feed, Google Play monthly UTF-16 CSV, Trustpilot export CSV, scraped amazon.it
CSV, an analyst's TripAdvisor spreadsheet export, Google Business Profile Takeout
JSON; and the company's internal data: a Qualtrics CSV export, Zendesk
satisfaction ratings and tickets (API JSON), weekly customer counts and customer
health signals (CSV).  OUTDIR/truth.json records what the generator knows (distinct
reviews, replies, edits, the deleted review, urgent complaints, and the internal
metrics of the last week) for the tests.

Deterministic: stdlib only, seeded random.Random instances (one for the reviews,
one for the internal data, so that neither changes the other's bytes), no clock, no
dict/set order dependence, fixed file names.  Running it twice gives byte-identical output.
All people, places, ids and texts are invented.
"""

import hashlib
import json
import os
import random
import re
import shutil
import sys
from datetime import date, datetime, timedelta, timezone

SEED = 20261124
UTC = timezone.utc

FIRST_DAY = date(2026, 8, 3)          # Monday, ISO week 32
LAST_DAY = date(2026, 11, 22)         # Sunday, ISO week 47
NWEEKS = 16
ROMA_DIP_WEEKS = (9, 10, 11, 12)      # 1-based weeks of the span
ROME_DST_END = date(2026, 10, 25)     # CEST -> CET on this Sunday
PACIFIC_DST_END_UTC = datetime(2026, 11, 1, 9, 0, 0, tzinfo=UTC)
WINDOW_END = datetime(2026, 11, 22, 22, 59, 59, tzinfo=UTC)  # 23:59:59 CET

APP_ID = "6450012345"
PACKAGE = "it.aurorabistrot.app"
PLAY_DEV_ID = "8812345"
PLAY_APP_NUM = "4974000000000000000"

LOCATIONS = {
    "milano": {"name": "Aurora Bistrot Milano - Brera", "city_it": "Milano", "city_en": "Milan",
               "area": "Brera", "tp_id": "MI-001"},
    "roma": {"name": "Aurora Bistrot Roma - Trastevere", "city_it": "Roma", "city_en": "Rome",
             "area": "Trastevere", "tp_id": "RM-002"},
    "napoli": {"name": "Aurora Bistrot Napoli - Chiaia", "city_it": "Napoli", "city_en": "Naples",
               "area": "Chiaia", "tp_id": "NA-003"},
}
LOC_ORDER = ("milano", "roma", "napoli")

# Star mixes, index 0 = 1 star ... index 4 = 5 stars (weights in percent).
MIX_AURORA = (15, 7, 9, 21, 48)          # overall lands near 17/8/10/20/45 once the Roma dip is added
MIX_ROMA_DIP = (45, 20, 15, 12, 8)
MIX_ROMA_RECOVERY = (14, 8, 10, 22, 46)
MIX_LUPA = (11, 7, 10, 22, 50)
MIX_VESUVIO = (21, 10, 12, 20, 37)
MIX_SAUCE = (10, 7, 13, 25, 45)

IT_MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
             "agosto", "settembre", "ottobre", "novembre", "dicembre")

# ---------------------------------------------------------------------------
# Time helpers (Europe/Rome and America/Los_Angeles rules for 2026, hard-coded
# so that no tz database is needed)
# ---------------------------------------------------------------------------


def rome_to_utc(d, h, m, s):
    """Local Rome wall time (hours >= 3) on date d -> aware UTC datetime."""
    offset = 2 if d < ROME_DST_END else 1
    return datetime(d.year, d.month, d.day, h, m, s, tzinfo=UTC) - timedelta(hours=offset)


def rome_midnight_utc(d):
    offset = 2 if d <= ROME_DST_END else 1
    return datetime(d.year, d.month, d.day, tzinfo=UTC) - timedelta(hours=offset)


def rome_date(t):
    offset = 2 if t < datetime(2026, 10, 25, 1, 0, 0, tzinfo=UTC) else 1
    return (t + timedelta(hours=offset)).date()


def pacific(t):
    """ISO 8601 with the Pacific offset, as in the App Store feed."""
    off = -7 if t < PACIFIC_DST_END_UTC else -8
    lt = t + timedelta(hours=off)
    return lt.strftime("%Y-%m-%dT%H:%M:%S") + "-%02d:00" % -off


def iso_z(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_micro(t, micros):
    return t.strftime("%Y-%m-%dT%H:%M:%S") + ".%06dZ" % micros


def millis(t, ms):
    return int((t - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()) * 1000 + ms


def space_dt(t):
    return t.strftime("%Y-%m-%d %H:%M:%S")


def it_long_date(d):
    return "%d %s %d" % (d.day, IT_MONTHS[d.month - 1], d.year)


def week_of(t):
    return (rome_date(t) - FIRST_DAY).days // 7 + 1


def rand_time(rng, d, profile):
    """A plausible posting time on local date d (10:00-23:30 Rome, so that the
    UTC, Rome and Pacific calendar dates all coincide)."""
    r = rng.random()
    if profile == "rest":
        if r < 0.35:
            h = rng.randint(13, 15)
        elif r < 0.80:
            h = rng.randint(20, 23)
        else:
            h = rng.randint(10, 19)
    elif profile == "office":
        h = rng.randint(9, 20)
    else:
        h = rng.randint(10, 23)
    m = rng.randint(0, 59)
    if h == 23:
        m = rng.randint(0, 29)
    return rome_to_utc(d, h, m, rng.randint(0, 59))


def later_time(rng, t, min_days, max_days):
    """Office-hours time min_days..max_days after t (calendar days, Rome)."""
    d = rome_date(t) + timedelta(days=rng.randint(min_days, max_days))
    if d > LAST_DAY:
        return None
    u = rand_time(rng, d, "office")
    if u <= t or u > WINDOW_END:
        return None
    return u


REST_DAY_WEIGHTS = (8, 8, 9, 11, 14, 26, 24)
APP_DAY_WEIGHTS = (12, 12, 13, 14, 16, 17, 16)


def week_times(rng, week, n, profile):
    weights = REST_DAY_WEIGHTS if profile == "rest" else APP_DAY_WEIGHTS
    out = []
    for _ in range(n):
        dow = rng.choices(range(7), weights=weights)[0]
        d = FIRST_DAY + timedelta(days=7 * (week - 1) + dow)
        out.append(rand_time(rng, d, profile))
    return sorted(out)


def week_count(rng, base):
    return max(1, int(round(rng.gauss(base, base * 0.18))))


def draw_stars(rng, mix):
    return rng.choices((1, 2, 3, 4, 5), weights=mix)[0]


# ---------------------------------------------------------------------------
# Text banks.  Pairs are (Italian, English); None means "not used in that
# language".  Every English entry has an Italian twin so that Google's
# "(Translated by Google)" blocks can be built.
# ---------------------------------------------------------------------------

DISHES = {
    "milano": ["risotto alla milanese", "cotoletta alla milanese", "ossobuco con gremolata",
               "mondeghili", "vitello tonnato", "risotto giallo con ossobuco", "casoncelli"],
    "roma": ["carbonara", "cacio e pepe", "amatriciana", "gricia", "supplì",
             "saltimbocca alla romana", "carciofi alla giudia", "coda alla vaccinara"],
    "napoli": ["pizza margherita", "pizza fritta", "genovese", "spaghetti alle vongole",
               "parmigiana di melanzane", "frittatina di pasta", "gnocchi alla sorrentina"],
}
COMMON_DISHES = ["tagliere di salumi", "burrata con pomodorini", "lasagna", "polpette al sugo",
                 "tagliata di manzo"]
DESSERTS = ["tiramisù", "babà", "cannolo siciliano", "maritozzo con la panna",
            "semifreddo al pistacchio", "tortino al cioccolato"]
WINES = ["Aglianico", "Nebbiolo", "Cesanese", "Lacryma Christi", "Nero d'Avola", "Montepulciano"]
STAFF = ["Martina", "Kevin", "Alessio", "Ludovica", "Ciro", "Nunzia", "Tommaso", "Irene",
         "Gabriele", "Jessica", "Pasquale", "Sofia"]

IT_FIRST = ["Giulia", "Marco", "Francesca", "Luca", "Chiara", "Alessandro", "Sara", "Matteo",
            "Valentina", "Andrea", "Federica", "Davide", "Elena", "Simone", "Martina", "Lorenzo",
            "Silvia", "Giorgio", "Paola", "Stefano", "Roberta", "Antonio", "Ilaria", "Fabio",
            "Alessia", "Riccardo", "Beatrice", "Gennaro", "Carmela", "Salvatore", "Rosaria",
            "Vincenzo", "Anna", "Pietro", "Laura", "Claudio", "Serena", "Emanuele", "Noemi",
            "Tommaso", "Giovanna", "Massimo", "Daniela", "Raffaele", "Elisa", "Nicola"]
EN_FIRST = ["Emma", "James", "Olivia", "Michael", "Sophie", "Daniel", "Charlotte", "Thomas",
            "Emily", "William", "Hannah", "Jack", "Grace", "Oliver", "Lucy", "Ryan", "Chloe",
            "Benjamin", "Megan", "Samuel", "Rachel", "Patrick", "Ethan", "Amy", "Nathan",
            "Holly", "Liam", "Zoe", "George", "Isabel", "Connor", "Abigail"]
INITIALS = {"it": "ABCDEFGLMNPRSTVBCDGMPRS", "en": "ABCDEFGHJKLMNPRSTWBCHMPSW"}

EMOJI_POS = ["😍", "😋", "👍", "🍝", "🍕", "❤️", "👏", "🔝", "⭐⭐⭐⭐⭐", "🙌", "🥰"]
EMOJI_NEG = ["😡", "👎", "😤", "😒", "🙄", "😞", "😔", "🤦"]

REST_OPEN_POS = [
    ("Che bella scoperta!", "What a find!"),
    ("Siamo stati a cena sabato sera.", "We came for dinner on Saturday night."),
    ("Pranzo di lavoro veloce ma di qualità.", "Quick business lunch, but a proper one."),
    ("Terza volta qui e non delude mai.", "Third time here and it never disappoints."),
    ("Cena per il compleanno di mia madre.", "Dinner for my mum's birthday."),
    ("Prenotato all'ultimo minuto, ci hanno trovato posto subito.",
     "Booked at the last minute and they still found us a table."),
    ("Locale accogliente, luci calde e musica al volume giusto.",
     "Cosy room, warm lighting and the music at the right volume."),
    ("Venerdì sera con amici, eravamo in {n_group}.", "Friday night with friends, {n_group} of us."),
    ("Domenica a pranzo in famiglia, con due bambini.", "Sunday lunch with the family, two kids in tow."),
]
REST_BODY_POS = [
    ("{dish} spettacolare, tra le migliori mai mangiate.", "The {dish} was spectacular, one of the best I've had."),
    ("Menzione speciale per {dish}: porzione generosa e cottura perfetta.",
     "Special mention for the {dish}: generous portion, cooked perfectly."),
    ("{staff} ci ha seguiti per tutta la sera con gentilezza e simpatia.",
     "{staff} looked after us all evening, kind and funny."),
    ("Servizio rapido: i primi sono arrivati in {mins_fast} minuti.",
     "Fast service: the pasta arrived in {mins_fast} minutes."),
    ("Abbiamo speso {price} a testa, vino compreso; onesto.", "We paid {price} each including wine, which is fair."),
    ("Il {dessert} a fine pasto vale da solo la visita.", "The {dessert} alone is worth the visit."),
    ("Carta dei vini curata; {staff} ci ha consigliato un {wine} perfetto.",
     "Well-chosen wine list; {staff} recommended a bottle of {wine} that was spot on."),
    ("Ingredienti di qualità, e si sente.", "Quality ingredients, and you can taste it."),
    ("Abbiamo preso {dish} e {dish2}: entrambi promossi a pieni voti.",
     "We had the {dish} and the {dish2}: top marks for both."),
    ("Tavoli non troppo attaccati, si riesce a parlare.", "Tables aren't crammed together, you can actually talk."),
    ("Personale attento anche con i bambini: seggiolone e pastina senza nemmeno chiedere.",
     "Staff were great with the kids: high chair and plain pasta without us even asking."),
    ("Rapporto qualità/prezzo ottimo per la zona.", "Great value for money for the area."),
    ("Pizza & birra artigianale il giovedì: combinazione vincente.", "Pizza & craft beer on Thursdays: a winning combo."),
    ("Il pane fatto in casa merita il bis.", "The home-made bread is worth asking for seconds."),
    ("Porzioni giuste, né troppo piccole né esagerate.", "Portions just right, neither stingy nor silly."),
    ("{staff} ci ha fatto assaggiare {dish2} fuori menu, gesto molto carino.",
     "{staff} let us try the {dish2} off the menu, a lovely touch."),
    ("Conto di {bill} in {n}, più che onesto.", "The bill came to {bill} for {n} of us, more than fair."),
    ("Si vede che in cucina c'è passione.", "You can tell the kitchen cares."),
    ("Tavolo pronto all'orario della prenotazione, zero attese.", "Table ready at the booked time, no waiting at all."),
    ("Cucina aperta fino a tardi, comodissimo dopo il teatro.", "Kitchen open late, perfect after the theatre."),
    ("Antipasti buoni; primi ottimi; dolci da applausi.", "Starters good; pasta excellent; desserts outstanding."),
    ('Alla domanda "cosa ci consigli?" {staff} non ha avuto dubbi: {dish2}. Aveva ragione.',
     'We asked "what do you recommend?" and {staff} didn\'t hesitate: the {dish2}. Spot on.'),
    ("Posizione comoda nel cuore di {area}.", "Handy spot right in the heart of {area}."),
    ("Hanno preparato una versione senza glutine di {dish} senza fare storie.",
     "They made a gluten-free version of the {dish} without any fuss."),
]
REST_BODY_POS_IT_ONLY = [
    ("Come a casa della nonna, ma con un servizio da ristorante vero.", None),
    ("Bravi ragazzi, continuate così!", None),
    ("Finalmente un posto dove ordinare {dish} senza pensieri.", None),
    ("Ambiente informale, ma curato nei dettagli: tovaglie di stoffa e bicchieri giusti.", None),
]
REST_TOURIST_POS = [
    ("Eravamo a {city} per un weekend lungo ed è stato il pasto migliore del viaggio.",
     "We were in {city} for a long weekend and this was the best meal of the trip."),
    ("Il personale parlava bene inglese e ci ha spiegato ogni piatto.",
     "The staff spoke good English and explained every dish."),
    ("Trovato passeggiando per {area}, felicissimi di esserci fermati.",
     "Found it on a walk through {area} and so glad we stopped."),
    ("Molto meglio delle trappole per turisti qui intorno.", "Much better than the tourist traps around the corner."),
    ("Prenotato dal sito, semplicissimo, con conferma via email in inglese.",
     "Booked on the website, dead easy, with a confirmation email in English."),
    ("Il nostro tassista ce l'aveva consigliato e aveva ragione.", "Our taxi driver recommended it and he was right."),
]
REST_CLOSE_POS = [
    ("Torneremo!", "We'll be back!"), ("Consigliato.", "Highly recommended."), ("Bravi!", "Well done!"),
    ("Dieci e lode.", "Ten out of ten."), ("Grazie a tutto lo staff.", "Thanks to the whole team."),
    ("Non vedo l'ora di tornare.", "Can't wait to come back."), ("Promossi a pieni voti.", "Top marks."),
    ("Consigliatissimo, fidatevi.", None), ("Grazie di tutto, a presto!", "Thanks for everything, see you soon!"),
]
REST_MILD_NEG = [
    ("Unico neo: {mins_bill} minuti di attesa per il conto.", "Only downside: {mins_bill} minutes waiting for the bill."),
    ("Unico appunto: un po' rumoroso nel weekend.", "One small thing: a bit noisy at weekends."),
    ("Il dolce non era all'altezza del resto.", "Dessert wasn't quite up to the rest."),
    ("Prezzi leggermente sopra la media.", "Prices a little above average."),
    ("Coperto a {cover} un po' alto, ma ci sta.", "A {cover} cover charge is a bit steep, but fair enough."),
]
REST_OPEN_NEG = [
    ("Che delusione.", "What a letdown."),
    ("Serata da dimenticare.", "An evening to forget."),
    ("Purtroppo non ci siamo.", "Sadly, not good enough."),
    ("Ci sono stato più volte, ma questa volta no.", "I've been several times, but not this time."),
    ("Eravamo in {n}, prenotazione alle {hour}.", "There were {n} of us, booked for {hour}."),
    ("Scrivo a malincuore perché il posto mi piaceva.", "Writing this reluctantly, because I used to like the place."),
]
REST_BODY_NEG = [
    ("Abbiamo aspettato {mins} minuti per i primi.", "We waited {mins} minutes for our pasta."),
    ('Il cameriere ci ha detto "cinque minuti", ne sono passati {mins}.',
     'The waiter said "five minutes"; it took {mins}.'),
    ("{dish} deludente: sembrava un piatto riscaldato al microonde.",
     "The {dish} was disappointing, it tasted microwaved."),
    ("Piatti arrivati tiepidi, uno alla volta, a dieci minuti l'uno dall'altro.",
     "Dishes came out lukewarm, one at a time, ten minutes apart."),
    ("Conto di {bill} per {n} persone: decisamente troppo per quello che abbiamo mangiato.",
     "A {bill} bill for {n} people: far too much for what we ate."),
    ("Coperto a {cover} e acqua a 4 €; prezzi da centro senza la qualità.",
     "{cover} cover charge and €4 for water; city-centre prices without the quality."),
    ("Nessuno è passato a chiederci se andava tutto bene.", "Nobody came by to ask if everything was OK."),
    ("Tavolo prenotato, eppure abbiamo aspettato {mins} minuti in piedi all'ingresso.",
     "We had a booking and still stood at the door for {mins} minutes."),
    ("Rumore assordante, impossibile parlare.", "Deafeningly loud, impossible to talk."),
    ("Porzioni ridotte rispetto all'ultima volta.", "Portions smaller than last time."),
    ("Abbiamo chiesto il conto tre volte.", "We had to ask for the bill three times."),
    ("Il {dessert} era chiaramente industriale.", "The {dessert} was obviously shop-bought."),
    ("Bagno trascurato, e non è un dettaglio.", "Neglected restroom, and that's not a detail."),
    ("Ordine sbagliato: avevamo chiesto {dish}, è arrivato {dish2}.", "Wrong order: we asked for the {dish} and got the {dish2}."),
    ("Personale sgarbato; quando abbiamo chiesto di cambiare tavolo hanno alzato gli occhi al cielo.",
     "Rude staff; when we asked to change table they rolled their eyes."),
    ("Vino servito caldo, bicchieri opachi.", "Wine served warm, cloudy glasses."),
    ("Metà dei piatti del menu non erano disponibili.", "Half the menu wasn't available."),
    ("Aria condizionata al massimo, abbiamo mangiato con la giacca.", "AC on full blast, we ate with our jackets on."),
    ("Per {price} a testa mi aspetto molto di più.", "For {price} a head I expect a lot more."),
    ("Prenotazione persa: \"non risulta\", e il locale era mezzo vuoto.",
     "They lost our booking (\"we have nothing under that name\"), and the place was half empty."),
]
REST_BODY_NEG_IT_ONLY = [
    ("Peccato, il potenziale c'è tutto.", None),
    ("Il servizio va rivisto da capo, a partire dall'accoglienza.", None),
]
REST_TOURIST_NEG = [
    ("Purtroppo sembrava una trappola per turisti.", "Felt like a tourist trap, sadly."),
    ("Ci hanno fatto pagare il pane che non avevamo ordinato.", "We paid for bread we never ordered."),
    ("Il menu in inglese aveva prezzi diversi da quello in italiano.",
     "The English menu had different prices from the Italian one."),
]
REST_CLOSE_NEG = [
    ("Non torneremo.", "We won't be back."), ("Peccato.", "Shame."), ("Mi aspettavo molto di più.", "I expected much more."),
    ("Da rivedere.", "Needs work."), ("Occasione sprecata.", "A missed opportunity."), ("Sconsigliato.", "Not recommended."),
    ("Mai più.", None),
]
REST_NEG_SILVER = [
    ("Peccato, perché la cucina avrebbe del potenziale.", "Shame, because the kitchen clearly has potential."),
    ("L'unica cosa buona è stata il {dessert}.", "The only good thing was the {dessert}."),
]
REST_OPEN_MIX = [
    ("Esperienza a metà.", "Mixed feelings."), ("Luci e ombre.", "Some highs, some lows."),
    ("Nel complesso nella media.", "Overall, average."), ("Così così.", "So-so."),
]
REST_CLOSE_MIX = [
    ("Tre stelle, senza infamia e senza lode.", "Three stars, nothing more, nothing less."),
    ("Potrebbero fare molto meglio.", "They could do a lot better."),
    ("Forse ci riproverò.", "Might give it another go."),
    ("Sufficiente, non di più.", "Passable, no more."),
]
ROMA_DIP_NEG = [
    ("Da quando è arrivato il nuovo direttore il servizio è peggiorato molto.",
     "Since the new manager arrived the service has gone downhill."),
    ("Sala nel caos, pochissimo personale per un sabato sera.",
     "Chaos in the dining room, far too few staff for a Saturday night."),
    ("Abbiamo aspettato {mins_slow} minuti solo per ordinare.", "We waited {mins_slow} minutes just to order."),
    ("Il nuovo responsabile di sala non sa gestire le prenotazioni: tavoli assegnati due volte e gente in piedi.",
     "The new floor manager can't handle bookings: tables given away twice and people standing around."),
    ("Una volta era il mio posto preferito a Trastevere, ora non più.",
     "It used to be my favourite place in Trastevere, not anymore."),
    ("Camerieri nuovi, gentili ma completamente disorganizzati.", "New waiters, friendly but completely disorganised."),
    ("Ci hanno portato i secondi prima dei primi.", "The mains came before the pasta."),
    ("Servizio lentissimo: tra antipasto e primo è passata quasi un'ora.",
     "Painfully slow service: almost an hour between starter and pasta."),
    ("Il nuovo manager girava tra i tavoli al telefono invece di aiutare.",
     "The new manager wandered around on his phone instead of helping."),
]
ROMA_RECOVERY_POS = [
    ("Il servizio è tornato quello di una volta, finalmente.", "The service is back to what it used to be, finally."),
    ("Dopo qualche serata storta a ottobre, ora tutto fila liscio.",
     "After a few bad nights in October, everything runs smoothly again."),
    ("Nuova squadra in sala, veloce e sorridente.", "New team on the floor, quick and smiling."),
]

REST_TITLE = {
    ("it", "pos"): ["Ottima cena", "Da tornarci", "{dish} da applausi", "Tutto perfetto", "Consigliatissimo",
                    "Bella serata", "Servizio top", "Qualità e cortesia", "Promosso", "Una certezza",
                    "Cena memorabile"],
    ("en", "pos"): ["Great dinner", "Lovely evening", "Best {dish} in town", "Highly recommended", "Perfect",
                    "A real gem", "Will be back", "Great food, great staff", "Worth the detour"],
    ("it", "neg"): ["Delusione", "Servizio lentissimo", "Mai più", "Non ci siamo", "Prezzi alti, qualità bassa",
                    "Da evitare", "Peccato", "Serata rovinata", "Attesa infinita"],
    ("en", "neg"): ["Disappointing", "Very slow service", "Overpriced", "Not again", "Avoid", "Letdown",
                    "Long wait, cold food"],
    ("it", "mix"): ["Nella media", "Così così", "Luci e ombre", "Poteva andare meglio", "Sufficiente"],
    ("en", "mix"): ["Average", "Mixed bag", "OK, not great", "Hit and miss"],
}

APP_BODY_POS = [
    ("Ordino dall'app ogni settimana, semplice e veloce.", "I order through the app every week, simple and quick."),
    ("Consegna arrivata in {mins_fast} minuti e il cibo era ancora caldo.",
     "Delivery arrived in {mins_fast} minutes and the food was still hot."),
    ("Pagamento con {pay} in due tocchi.", "Paying with {pay} takes two taps."),
    ("Il programma punti è comodo: ho già riscattato due dolci gratis.",
     "The loyalty points are handy: I've already redeemed two free desserts."),
    ("Interfaccia chiara, si trova tutto subito.", "Clean interface, everything is easy to find."),
    ("Il tracciamento del rider funziona bene.", "Rider tracking works well."),
    ("Prenotare un tavolo dall'app è comodissimo.", "Booking a table in the app is super convenient."),
    ("Dopo l'aggiornamento {ver} è molto più veloce.", "Much faster since the {ver} update."),
    ("Ottimo il riordino con un tocco dallo storico ordini.", "Love the one-tap reorder from order history."),
    ("Le offerte del martedì valgono la pena.", "The Tuesday deals are worth it."),
    ("Si possono indicare le intolleranze nelle note e vengono rispettate.",
     "You can add dietary notes to the order and they're respected."),
    ("Assistenza in chat veloce: risposta in pochi minuti.", "In-app chat support is quick: an answer within minutes."),
    ("Menu con foto e prezzi chiari, niente sorprese.", "Menu with photos and clear prices, no surprises."),
    ("La sezione Offerte & Novità è sempre aggiornata.", "The Deals & News section is always up to date."),
    ("Ho ordinato {dish} e {dish2}, consegna puntuale.", "Ordered the {dish} and the {dish2}, delivered on time."),
]
APP_BODY_NEG = [
    ("L'app si blocca quando apro il carrello.", "The app crashes when I open the cart."),
    ("Dopo l'aggiornamento {ver} non riesco più a fare il login.", "Since the {ver} update I can't log in anymore."),
    ('L\'ordine è rimasto "in preparazione" per {mins} minuti e poi è stato annullato.',
     'The order sat at "preparing" for {mins} minutes and then got cancelled.'),
    ("Il codice sconto non viene applicato al totale.", "The promo code isn't applied to the total."),
    ("Notifiche in ritardo: mi avvisa che il rider è arrivato quando ho già mangiato.",
     "Notifications are late: it tells me the rider has arrived after I've eaten."),
    ("La mappa del rider non si aggiorna.", "The rider map never updates."),
    ("Consegna arrivata dopo {mins} minuti, tutto freddo.", "Delivery took {mins} minutes, everything was cold."),
    ("Il pagamento con {pay} fallisce una volta su due.", "{pay} fails every other time."),
    ("Troppe notifiche promozionali e non si possono disattivare.", "Too many promo notifications and no way to turn them off."),
    ("Mancava metà dell'ordine e in app non c'è modo di segnalarlo.",
     "Half the order was missing and there's no way to report it in the app."),
    ("I punti fedeltà sono spariti dopo l'ultimo aggiornamento.", "My loyalty points vanished after the last update."),
    ("Lentissima a caricare il menu; Menu > Ordini > Storico resta bianco.",
     "Takes ages to load the menu; Menu > Orders > History stays blank."),
    ("Impossibile cambiare l'indirizzo di consegna dopo aver salvato il primo.",
     "Can't change the delivery address after saving the first one."),
    ("Ho dovuto reinstallare l'app tre volte.", "I had to reinstall the app three times."),
    ("Il tasto \"Conferma ordine\" non risponde; ho dovuto chiamare il ristorante.",
     "The \"Confirm order\" button does nothing; I had to phone the restaurant."),
]
APP_MILD_NEG = [
    ("Ogni tanto le notifiche arrivano in ritardo.", "Notifications are sometimes a bit late."),
    ("Manca ancora la modalità scura.", "Still no dark mode."),
    ("Vorrei più filtri nel menu.", "I'd like more filters in the menu."),
    ("Ogni tanto bisogna rifare il login.", "Every now and then I have to log in again."),
    ("La consegna a volte tarda di dieci minuti rispetto alla stima.", "Delivery is sometimes ten minutes later than estimated."),
]
APP_CLOSE_POS = [("Cinque stelle meritate.", "Five well-deserved stars."), ("Consigliata!", "Recommended!"),
                 ("Brava Aurora!", "Well done Aurora!"), ("Continuate così.", "Keep it up.")]
APP_CLOSE_NEG = [("Sistemate, per favore.", "Please fix this."), ("Disinstallata.", "Uninstalled."),
                 ("Per ora una stella.", "One star for now."), ("Peccato, il cibo è buono.", "Shame, the food is good.")]
APP_TITLE = {
    ("it", "pos"): ["Comodissima", "Ottima app", "Veloce e semplice", "La uso sempre", "Top", "Perfetta per la pausa pranzo"],
    ("en", "pos"): ["Great app", "Easy ordering", "Love it", "Works great", "Handy"],
    ("it", "neg"): ["Si blocca", "Login impossibile", "Da sistemare", "Pessima", "Lenta", "Ordine annullato"],
    ("en", "neg"): ["Keeps crashing", "Can't log in", "Needs fixing", "Useless", "Slow", "Order cancelled"],
    ("it", "mix"): ["Buona ma migliorabile", "Così così", "Qualche bug"],
    ("en", "mix"): ["Good but buggy", "OK", "Almost there"],
}

SAUCE_POS = [
    "Sugo saporito, sa davvero di guanciale e pecorino.",
    "Lo uso con i bucatini: in 10 minuti una cena da trattoria.",
    "Barattolo da 350 g, basta per 3-4 persone.",
    "Consegna rapida e imballaggio curato.",
    "Prezzo onesto per la qualità; ne ho presi sei.",
    "Pomodoro dolce, non acido, si sente che è fatto bene.",
    "Ingredienti semplici, niente conservanti strani.",
    "Buono anche il giorno dopo.",
    "Regalato a mio padre, romano doc: approvato!",
    "Meglio di tanti sughi pronti del supermercato.",
    "Con una grattata di pecorino in più è perfetto.",
]
SAUCE_NEG = [
    "Troppo salato per i miei gusti.",
    "Sa più di pomodoro che di guanciale.",
    "Prezzo alto per 350 g.",
    "Arrivato con la data di scadenza vicinissima.",
    "Il barattolo era ammaccato e il tappo non chiudeva bene.",
    "Guanciale quasi assente, due pezzetti in tutto.",
    "Una volta aperto va consumato in due giorni: scomodo.",
    "Troppo olio in superficie.",
    "Spedizione lenta, una settimana.",
    "Non ha niente a che vedere con l'amatriciana del ristorante.",
]
SAUCE_TITLE = {"pos": ["Buonissimo", "Sapore autentico", "Ottimo sugo", "Lo ricomprerò", "Come a Roma",
                       "Promosso", "Comodo e buono"],
               "neg": ["Troppo salato", "Deludente", "Caro", "Poco guanciale", "Non lo ricomprerò", "No"],
               "mix": ["Buono ma salato", "Nella media", "Discreto", "Si può fare di meglio"]}

REPLY_OPEN = {
    ("it", "pos"): ["Ciao {name},", "Grazie {name}!", "Gentile {name},"],
    ("en", "pos"): ["Hi {name},", "Thank you {name}!", "Dear {name},"],
    ("it", "neg"): ["Gentile {name},", "Buongiorno {name},"],
    ("en", "neg"): ["Dear {name},", "Hello {name},"],
}
REPLY_BODY = {
    ("it", "pos"): ["grazie di cuore per la bella recensione.",
                    "siamo felicissimi che la serata sia stata all'altezza.",
                    "parole così ripagano tutto il lavoro della squadra.",
                    "riferiremo i complimenti a {staff} e alla cucina."],
    ("en", "pos"): ["thank you so much for the lovely review.",
                    "we're delighted you enjoyed your evening with us.",
                    "reviews like yours make the whole team's day.",
                    "we'll pass your compliments on to {staff} and the kitchen."],
    ("it", "neg"): ["ci dispiace molto per la sua esperienza.",
                    "non è lo standard che vogliamo offrire.",
                    "abbiamo condiviso la segnalazione con il responsabile di sala e con la cucina.",
                    "stiamo rivedendo l'organizzazione del servizio nelle serate più piene."],
    ("en", "neg"): ["we're very sorry about your experience.",
                    "this is not the standard we aim for.",
                    "we have shared your feedback with the floor manager and the kitchen.",
                    "we are reorganising the service on our busiest evenings."],
    ("it", "mix"): ["grazie per il riscontro sincero.", "prendiamo nota dei suoi suggerimenti."],
    ("en", "mix"): ["thank you for the honest feedback.", "we've taken note of your suggestions."],
}
REPLY_CLOSE = {
    ("it", "pos"): ["Ti aspettiamo presto!", "A presto da Aurora Bistrot {city}.", "Alla prossima!"],
    ("en", "pos"): ["Hope to see you again soon!", "See you next time in {city}.", "Grazie and see you soon!"],
    ("it", "neg"): ["Se vuole, ci scriva ad assistenza@aurorabistrot.it: vorremmo rimediare.",
                    "Speriamo di poterla riaccogliere presto."],
    ("en", "neg"): ["If you like, write to assistenza@aurorabistrot.it: we'd like to make it right.",
                    "We hope to welcome you back soon."],
}
REPLY_SIGN = {"it": ["Lo staff di Aurora Bistrot", "Il team di Aurora Bistrot {city}", ""],
              "en": ["The Aurora Bistrot team", "Aurora Bistrot {city}", ""]}
APP_REPLY = {
    ("it", "pos"): ["Ciao {name}, grazie mille! Buon appetito 🍝", "Grazie {name}, felici che l'app ti piaccia!",
                    "Ciao {name}, grazie per le stelle: continueremo a migliorare."],
    ("en", "pos"): ["Hi {name}, thanks a lot! Buon appetito 🍝", "Thanks {name}, glad you like the app!"],
    ("it", "neg"): ["Ciao {name}, grazie per la segnalazione. Il problema è stato corretto nella versione {ver}: aggiorna l'app e facci sapere.",
                    "Ciao {name}, ci dispiace per l'inconveniente. Scrivici dalla sezione Aiuto con il numero d'ordine e ti ricontattiamo entro 24 ore.",
                    "Ciao {name},\nabbiamo girato la segnalazione al team tecnico. Grazie per la pazienza!"],
    ("en", "neg"): ["Hi {name}, thanks for reporting this. It is fixed in version {ver}: please update and let us know.",
                    "Hi {name}, sorry about that. Please contact us from the Help section with your order number and we'll get back to you within 24 hours.",
                    "Hi {name},\nwe've passed this on to our developers. Thanks for your patience!"],
}
URGENT_REPLY = {
    "it": "Gentile {name}, ci dispiace moltissimo. La sua segnalazione è stata inoltrata alla direzione e la contatteremo oggi stesso. "
          "Ci scriva ad assistenza@aurorabistrot.it indicando data e ora della visita o dell'ordine.",
    "en": "Dear {name}, we are extremely sorry. Your report has been passed to management and we will contact you today. "
          "Please write to assistenza@aurorabistrot.it with the date and time of your visit or order.",
}
COMP_REPLY = {
    "it": ["Grazie {name}, a presto! La direzione", "Ci dispiace, ne terremo conto. La direzione",
           "Grazie per la visita e per la recensione."],
    "en": ["Thank you {name}, see you soon! The management", "Sorry to hear that, we will look into it. The management"],
}

EDIT_UP = {
    "it": ["Aggiornamento: la direzione mi ha contattato e ci ha invitati di nuovo. Questa volta tutto perfetto, alzo il voto.",
           "Aggiornamento dopo la risposta: apprezzo la disponibilità, ci siamo tornati e il servizio era migliorato.",
           "Modifico la recensione: ci hanno ricontattato subito e offerto il dolce. Gesto apprezzato."],
    "en": ["Update: the manager got in touch and invited us back. Much better this time, raising my rating.",
           "Edit: credit where it's due, they replied quickly and made it right.",
           "Update after their reply: went back last week and it was a different place. Good job."],
}
EDIT_TITLE = {"it": ["Aggiornamento: molto meglio", "Recensione aggiornata", "Si sono fatti perdonare"],
              "en": ["Update: much better", "Updated review", "They made it right"]}
EDIT_DOWN = {
    "it": ["Aggiornamento: siamo tornati, stessa attesa. Tolgo un'altra stella."],
    "en": ["Update: went back, same wait. Taking off another star."],
}
APP_EDIT_UP = {
    "it": ["Aggiornamento: con la versione {ver} il problema è risolto, ora funziona tutto.",
           "Aggiornamento: dopo la {ver} finalmente si riesce a pagare senza errori."],
    "en": ["Update: fixed in {ver}, works fine now.", "Update: since {ver} payments finally go through."],
}
APP_EDIT_DOWN = {"it": ["Aggiornamento: anche con la {ver} si blocca ancora."],
                 "en": ["Update: still crashing on {ver}."]}

# Urgent complaints: (source key, week, location, lang, category, title, text)
URGENT = [
    ("appstore", 6, None, "en", "fraud", "Charged twice!!",
     'Ordered once and got charged twice, this is a scam. Support keeps saying "wait 5 days". '
     "Two charges of €{price} on my card; I want my money back."),
    ("appstore", 11, None, "it", "data_leak", "Privacy zero",
     "Dopo essermi registrata nell'app ho iniziato a ricevere SMS ed email con nome, indirizzo e ultimi ordini: "
     "i miei dati personali sono finiti chissà dove. Voglio sapere chi li ha 😠"),
    ("play", 4, None, "it", "fraud", "",
     "Addebito non autorizzato di {price} sulla mia carta per un ordine che non ho mai fatto. "
     "Nessuno risponde in chat: è una truffa."),
    ("play", 13, None, "en", "data_leak", "",
     "Two days after saving my card in the app I got fraudulent payment attempts from abroad. "
     "My card details were leaked, no doubt about it. Removing the app and calling my bank."),
    ("trustpilot", 10, "roma", "it", "food_safety", "Intossicazione alimentare",
     "Sabato sera abbiamo cenato in {n}; il giorno dopo tre di noi avevano febbre e vomito.\n"
     "Il medico del pronto soccorso parla di intossicazione alimentare, probabilmente dalle vongole. "
     "Nessuno del locale ha risposto alle nostre telefonate."),
    ("trustpilot", 7, "milano", "en", "allergy", "Allergic reaction ignored",
     "I told the waiter twice about my nut allergy and the {dessert} still came with pistachio. "
     "I had an allergic reaction and we had to rush to a pharmacy. Unacceptable."),
    ("trustpilot", 14, "napoli", "it", "legal_threat", "Ustioni e nessuna scusa",
     "Un cameriere mi ha rovesciato addosso un piatto di sugo bollente e nessuno si è nemmeno scusato. "
     "Ho le foto delle ustioni e il referto: mi rivolgerò al mio avvocato e sporgerò denuncia."),
    ("amazon", 12, None, "it", "food_safety", "Frammento nel barattolo",
     "ATTENZIONE: nel barattolo ho trovato un frammento di vetro, me ne sono accorto masticando. "
     "Ho conservato barattolo e numero di lotto; ho già segnalato ad Amazon."),
    ("gbp", 11, "roma", "it", "food_safety", "",
     "Ho trovato un capello nel piatto di {dish}. Il cameriere l'ha portato via senza scusarsi "
     "e ce l'ha pure messo in conto. Igiene da rivedere."),
    ("gbp", 3, "napoli", "en", "food_safety", "",
     "Both of us got food poisoning after dinner here on Saturday. Spent the night being sick; "
     "the only thing we shared was the {dish}. Please check your kitchen."),
    ("gbp", 15, "milano", "it", "allergy", "",
     "Avevo segnalato l'allergia ai crostacei alla prenotazione e di nuovo al tavolo. "
     "Nel risotto c'era il fumetto di gamberi: reazione dopo mezz'ora, per fortuna avevo l'antistaminico."),
    ("gbp", 9, "milano", "en", "legal_threat", "",
     "The waiter shoved my elderly father while squeezing past and the manager laughed it off. "
     "We have witnesses and it's on camera. I will sue."),
]

# Words the urgent-complaint detector will look for; no ordinary review or reply
# may contain them, so that truth.json's urgent list is exact.
TRIGGERS = re.compile(
    r"intossica|avvelena|poison|capell|vetro|\bglass\b|addebit|truff|\bscam|charged twice|avvocat|denunc"
    r"|\bsue\b|lawyer|dati personali|personal data|card details|leak|allerg", re.IGNORECASE)


# ---------------------------------------------------------------------------
# Text generator
# ---------------------------------------------------------------------------


def cap_first(s):
    return s[:1].upper() + s[1:] if s else s


def lower_first(s):
    return s[:1].lower() + s[1:] if s else s


class TextGen:
    def __init__(self, rng):
        self.rng = rng

    def slots(self, city_key, platform=None, ver=None):
        rng = self.rng
        pool = DISHES.get(city_key, DISHES["roma"] + DISHES["napoli"]) + COMMON_DISHES
        d1, d2 = rng.sample(pool, 2)
        price = rng.choice([28, 32, 35, 38, 40, 42, 45, 48, 55, 60])
        n = rng.randint(2, 8)
        bill = price * n + rng.choice([0, 4, 6, 10])
        cover = rng.choice([2, 2.5, 3, 3.5, 4])
        cover_s = ("%.2f" % cover).rstrip("0").rstrip(".")
        hour = rng.choice([(19, 30), (20, 0), (20, 30), (21, 0), (13, 0)])
        loc = LOCATIONS.get(city_key)
        common = {"dish": d1, "dish2": d2, "dessert": rng.choice(DESSERTS), "wine": rng.choice(WINES),
                  "staff": rng.choice(STAFF), "mins": rng.randint(35, 80), "mins_fast": rng.randint(8, 20),
                  "mins_slow": rng.randint(40, 75), "mins_bill": rng.randint(15, 30), "n": n,
                  "n_group": rng.randint(4, 10), "area": loc["area"] if loc else "centro",
                  "pay": "Apple Pay" if platform == "ios" else "Google Pay", "ver": ver or ""}
        it = dict(common, price="%d €" % price, bill="%d €" % bill, cover=cover_s.replace(".", ",") + " €",
                  city=loc["city_it"] if loc else "Roma", hour="%d:%02d" % hour)
        en = dict(common, price="€%d" % price, bill="€%d" % bill, cover="€" + cover_s,
                  city=loc["city_en"] if loc else "Rome",
                  hour="%d:%02d%s" % ((hour[0] - 12 if hour[0] > 12 else hour[0]), hour[1],
                                      "pm" if hour[0] >= 12 else "am"))
        return {"it": it, "en": en}

    def pick(self, pool, lang, k=1, avoid=()):
        cands = [p for p in pool if p[0 if lang == "it" else 1] is not None and p not in avoid]
        k = min(k, len(cands))
        return self.rng.sample(cands, k)

    @staticmethod
    def render(pairs, lang, sl, joins):
        idx = 0 if lang == "it" else 1
        out = ""
        for i, p in enumerate(pairs):
            s = cap_first(p[idx].format(**sl[lang]))
            out += s if i == 0 else joins[i - 1] + s
        return out

    def joins(self, n):
        rng = self.rng
        js = []
        for _ in range(max(0, n - 1)):
            r = rng.random()
            js.append("\n" if r < 0.06 else ("\n\n" if r < 0.10 else " "))
        return js

    def emoji_tail(self, sentiment):
        rng = self.rng
        r = rng.random()
        if r < 0.18:
            pool = EMOJI_POS if sentiment == "pos" else EMOJI_NEG
            return " " + rng.choice(pool)
        if r < 0.21 and sentiment == "pos":
            return " <3"
        return ""

    def rest(self, lang, stars, city_key, week, need_translation=False):
        """Restaurant review -> (title, text, italian_translation_or_None)."""
        rng = self.rng
        sl = self.slots(city_key)
        sent = "pos" if stars >= 4 else ("mix" if stars == 3 else "neg")
        L = lang  # English templates always carry an Italian twin for the translation
        parts = []
        dip = city_key == "roma" and week in ROMA_DIP_WEEKS
        recovery = city_key == "roma" and week > ROMA_DIP_WEEKS[-1]
        short = rng.random() < 0.12
        if sent == "pos":
            body = REST_BODY_POS + (REST_BODY_POS_IT_ONLY if L == "it" else [])
            if not short and rng.random() < 0.45:
                parts += self.pick(REST_OPEN_POS, L)
            if recovery and rng.random() < 0.4:
                parts += self.pick(ROMA_RECOVERY_POS, L)
            if L == "en" and rng.random() < 0.55:
                parts += self.pick(REST_TOURIST_POS, L)
            parts += self.pick(body, L, 1 if short else rng.choice([1, 2, 2, 3]), parts)
            if stars == 4 and rng.random() < 0.45:
                parts += self.pick(REST_MILD_NEG, L)
            if not short and rng.random() < 0.5:
                parts += self.pick(REST_CLOSE_POS, L)
        elif sent == "neg":
            body = REST_BODY_NEG + (REST_BODY_NEG_IT_ONLY if L == "it" else [])
            if not short and rng.random() < 0.4:
                parts += self.pick(REST_OPEN_NEG, L)
            if dip:
                parts += self.pick(ROMA_DIP_NEG, L, rng.choice([1, 2, 2]))
            if L == "en" and rng.random() < 0.35:
                parts += self.pick(REST_TOURIST_NEG, L)
            parts += self.pick(body, L, 1 if (short or dip) else rng.choice([1, 2, 2, 3]), parts)
            if stars == 2 and rng.random() < 0.3:
                parts += self.pick(REST_NEG_SILVER, L)
            if not short and rng.random() < 0.45:
                parts += self.pick(REST_CLOSE_NEG, L)
        else:
            if rng.random() < 0.6:
                parts += self.pick(REST_OPEN_MIX, L)
            parts += self.pick(REST_BODY_POS, L, rng.choice([1, 1, 2]))
            parts += self.pick(ROMA_DIP_NEG if dip else REST_BODY_NEG, L, 1)
            if rng.random() < 0.5:
                parts += self.pick(REST_CLOSE_MIX, L)
        js = self.joins(len(parts))
        tail = self.emoji_tail(sent)
        text = self.render(parts, lang, sl, js) + tail
        translation = None
        if need_translation:
            translation = self.render(parts, "it", sl, js) + tail
        tpool = REST_TITLE[(lang, sent)]
        title = cap_first(rng.choice(tpool).format(**sl[lang]))
        return title, text, translation

    def app(self, lang, stars, platform, ver):
        rng = self.rng
        sl = self.slots(None, platform, ver)
        sent = "pos" if stars >= 4 else ("mix" if stars == 3 else "neg")
        parts = []
        short = rng.random() < 0.15
        if sent == "pos":
            parts += self.pick(APP_BODY_POS, lang, 1 if short else rng.choice([1, 2, 2, 3]))
            if stars == 4 and rng.random() < 0.4:
                parts += self.pick(APP_MILD_NEG, lang, 1)
            if not short and rng.random() < 0.4:
                parts += self.pick(APP_CLOSE_POS, lang)
        elif sent == "neg":
            parts += self.pick(APP_BODY_NEG, lang, 1 if short else rng.choice([1, 2, 2, 3]))
            if not short and rng.random() < 0.45:
                parts += self.pick(APP_CLOSE_NEG, lang)
        else:
            parts += self.pick(APP_BODY_POS, lang, 1)
            parts += self.pick(APP_BODY_NEG, lang, rng.choice([1, 2]))
        text = self.render(parts, lang, sl, self.joins(len(parts))) + self.emoji_tail(sent)
        title = rng.choice(APP_TITLE[(lang, sent)])
        return title, text

    def sauce(self, stars):
        rng = self.rng
        sent = "pos" if stars >= 4 else ("mix" if stars == 3 else "neg")
        if sent == "pos":
            parts = rng.sample(SAUCE_POS, rng.choice([1, 2, 2, 3]))
            if stars == 4 and rng.random() < 0.5:
                parts.append("Unico difetto: " + lower_first(rng.choice(SAUCE_NEG)))
        elif sent == "neg":
            parts = rng.sample(SAUCE_NEG, rng.choice([1, 2, 3]))
        else:
            link = rng.choice(["Però ", "Unico problema: ", "Nota negativa: ", "D'altra parte: "])
            parts = [rng.choice(SAUCE_POS), link + lower_first(rng.choice(SAUCE_NEG))]
        sep = "\n" if rng.random() < 0.1 else " "
        text = sep.join(parts) + self.emoji_tail(sent)
        return rng.choice(SAUCE_TITLE[sent]), text

    def reply(self, lang, stars, name, city_key, kind="rest", ver=""):
        rng = self.rng
        sent = "pos" if stars >= 4 else ("mix" if stars == 3 else "neg")
        city = LOCATIONS[city_key]["city_it" if lang == "it" else "city_en"] if city_key else ""
        sl = {"name": name.split(" ")[0], "staff": rng.choice(STAFF), "city": city, "ver": ver}
        if kind == "app":
            s = "neg" if sent != "pos" else "pos"
            return rng.choice(APP_REPLY[(lang, s)]).format(**sl)
        parts = [rng.choice(REPLY_OPEN[(lang, "pos" if sent == "pos" else "neg")]).format(**sl)]
        if sent == "mix":
            parts.append(rng.choice(REPLY_BODY[(lang, "mix")]))
            parts.append(cap_first(rng.choice(REPLY_BODY[(lang, "neg")][1:])))
            close = REPLY_CLOSE[(lang, "neg")]
        else:
            bodies = rng.sample(REPLY_BODY[(lang, sent)], rng.choice([1, 2]))
            parts.append(bodies[0].format(**sl))
            parts += [cap_first(b.format(**sl)) for b in bodies[1:]]
            close = REPLY_CLOSE[(lang, sent)]
        parts.append(rng.choice(close).format(**sl))
        if parts[0].endswith("!"):
            parts[1] = cap_first(parts[1])
        text = " ".join(parts)
        sign = rng.choice(REPLY_SIGN[lang]).format(**sl).strip()
        if sign:
            text += ("\n" if rng.random() < 0.5 else " ") + sign
        return text


def urgent_text(tg, spec):
    src, week, loc, lang, cat, title, text = spec
    sl = tg.slots(loc or "roma")[lang]
    return title, text.format(**sl)


# ---------------------------------------------------------------------------
# Review model
# ---------------------------------------------------------------------------


class Review:
    def __init__(self, **kw):
        self.reply = None      # (time, text)
        self.edit = None       # (time, stars, title, text)
        self.deleted = None    # time
        self.urgent = None     # category
        self.location = None
        self.title = ""
        self.extra = {}
        self.__dict__.update(kw)

    def state(self, t):
        if self.edit is not None and self.edit[0] <= t:
            _, stars, title, text = self.edit
            updated = self.edit[0]
        else:
            stars, title, text, updated = self.stars, self.title, self.text, self.created
        reply = self.reply if (self.reply is not None and self.reply[0] <= t) else None
        return stars, title, text, updated, reply


def make_author(rng, lang):
    first = rng.choice(IT_FIRST if lang == "it" else EN_FIRST)
    return "%s %s." % (first, rng.choice(INITIALS[lang]))


B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
ALNUM_UP = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def rand_str(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def rand_hex(rng, n):
    return "%0*x" % (n, rng.getrandbits(4 * n))


def urgent_specs(src):
    return [u for u in URGENT if u[0] == src]


def urgent_time(rng, spec, profile):
    week = spec[1]
    dow = rng.randint(0, 6)
    return rand_time(rng, FIRST_DAY + timedelta(days=7 * (week - 1) + dow), profile)


# ---------------------------------------------------------------------------
# App versions
# ---------------------------------------------------------------------------

VERSIONS = [("3.2.0", date(2026, 7, 20)), ("3.2.1", date(2026, 8, 19)), ("3.3.0", date(2026, 9, 9)),
            ("3.3.1", date(2026, 9, 24)), ("3.4.0", date(2026, 10, 8)), ("3.5.0", date(2026, 10, 28)),
            ("3.5.1", date(2026, 11, 12))]


def version_at(rng, t, laggard=True):
    d = rome_date(t)
    avail = [v for v, rel in VERSIONS if rel <= d]
    if laggard and len(avail) > 1 and rng.random() < 0.2:
        return avail[-2]
    return avail[-1]


def next_version(t):
    """The first release after t (the one a "fixed in" reply can promise)."""
    d = rome_date(t)
    later = [v for v, rel in VERSIONS if rel > d]
    return later[0] if later else VERSIONS[-1][0]


def version_code(v):
    a, b, c = (int(x) for x in v.split("."))
    return str(a * 10000 + b * 100 + c)


# ---------------------------------------------------------------------------
# Source generators: each returns a list of Review objects (content and history)
# ---------------------------------------------------------------------------


def gen_appstore(rng, tg):
    plan = []
    for w in range(1, NWEEKS + 1):
        for t in week_times(rng, w, week_count(rng, 10), "app"):
            plan.append((t, None))
    for spec in urgent_specs("appstore"):
        plan.append((urgent_time(rng, spec, "app"), spec))
    plan.sort(key=lambda x: x[0])
    reviews = []
    next_id = 13612000000 + rng.randint(0, 999999)
    for t, spec in plan:
        next_id += rng.randint(150000, 4000000)
        ver = version_at(rng, t)
        if spec:
            lang = spec[3]
            stars = 1
            title, text = urgent_text(tg, spec)
        else:
            lang = "en" if rng.random() < 0.3 else "it"
            stars = draw_stars(rng, MIX_AURORA)
            title, text = tg.app(lang, stars, "ios", ver)
        vc = 0 if rng.random() < 0.65 else rng.randint(1, 15)
        vs = vc - rng.randint(0, vc // 3) if vc else 0
        r = Review(rid=str(next_id), created=t, lang=lang, stars=stars, title=title, text=text,
                   author=make_author(rng, lang), urgent=spec[4] if spec else None,
                   extra={"version": ver, "votes": (vs, vc), "uid": str(rng.randint(100000000, 1999999999))})
        reviews.append(r)
    caps = appstore_captures()
    # Edits: low ratings revisited after a later app version; always after the
    # first capture that showed the original, so the change is observable.
    cands = [r for r in reviews if r.stars <= 3 and not r.urgent and r.created < datetime(2026, 10, 20, tzinfo=UTC)]
    for r in rng.sample(cands, 6):
        first_cap = min(c for c in caps if c > r.created)
        t = later_time(rng, max(r.created + timedelta(days=14), first_cap), 1, 12)
        if t is None:
            continue
        ver = version_at(rng, t, laggard=False)
        if rng.random() < 0.8:
            stars = min(5, r.stars + rng.choice([2, 3]))
            upd = rng.choice(APP_EDIT_UP[r.lang]).format(ver=ver)
            title = "Ora funziona" if r.lang == "it" else "Fixed now"
        else:
            stars = max(1, r.stars - 1)
            upd = rng.choice(APP_EDIT_DOWN[r.lang]).format(ver=ver)
            title = r.title
        text = upd if rng.random() < 0.5 else upd + "\n\n" + r.text
        r.edit = (t, stars, title, text)
        r.extra["edit_version"] = ver
    return reviews


def gen_play(rng, tg):
    plan = []
    for w in range(1, NWEEKS + 1):
        for t in week_times(rng, w, week_count(rng, 12), "app"):
            plan.append((t, None))
    for spec in urgent_specs("play"):
        plan.append((urgent_time(rng, spec, "app"), spec))
    plan.sort(key=lambda x: x[0])
    devices = ["a52q", "a53x", "beyond1", "star2qltechn", "redfin", "oriole", "panther", "husky", "m31",
               "a12", "a22x", "lavender", "sweet", "alioth", "OnePlus9", "RMX3085", "gta7litewifi", "vayu",
               "topaz", "a34x"]
    reviews = []
    for t, spec in plan:
        ver = version_at(rng, t)
        if spec:
            lang, stars = spec[3], 1
            _, text = urgent_text(tg, spec)
        else:
            lang = "en" if rng.random() < 0.3 else "it"
            stars = draw_stars(rng, MIX_AURORA)
            text = "" if rng.random() < 0.15 else tg.app(lang, stars, "android", ver)[1]
        r = Review(rid="http://play.google.com/console/developers/%s/app/%s/user-feedback/review-details"
                       "?reviewId=gp:AOqpTO%s&corpus=PUBLIC_REVIEWS" % (PLAY_DEV_ID, PLAY_APP_NUM, rand_str(rng, B64URL, 40)),
                   created=t, lang=lang, stars=stars, text=text, author=make_author(rng, lang),
                   urgent=spec[4] if spec else None,
                   extra={"version": ver if rng.random() > 0.05 else "", "device": rng.choice(devices) if rng.random() > 0.1 else "",
                          "ms": rng.randint(0, 999)})
        reviews.append(r)
    # Replies (only to reviews with text; must land before the month file is captured)
    for r in reviews:
        p = 1.0 if r.urgent else 0.52
        if r.text and rng.random() < p:
            rt = later_time(rng, r.created, 1, 3)
            if rt is not None and rt < play_capture_for(r.created):
                ver = next_version(rt)
                txt = URGENT_REPLY[r.lang].format(name=r.author.split(" ")[0]) if r.urgent else \
                    tg.reply(r.lang, r.stars, r.author, None, "app", ver)
                r.reply = (rt, txt)
                r.extra["reply_ms"] = rng.randint(0, 999)
    # Edits: after the reply, in a later month than the submission
    cands = [r for r in reviews if r.reply and r.stars <= 3 and not r.urgent
             and r.created < datetime(2026, 10, 25, tzinfo=UTC)]
    for r in rng.sample(cands, 9):
        base = max(r.reply[0], play_capture_for(r.created))
        t = later_time(rng, base, 1, 14)
        if t is None:
            continue
        ver = version_at(rng, t, laggard=False)
        if rng.random() < 0.8:
            stars = min(5, r.stars + rng.choice([1, 2, 3]))
            upd = rng.choice(APP_EDIT_UP[r.lang]).format(ver=ver)
        else:
            stars = max(1, r.stars - 1)
            upd = rng.choice(APP_EDIT_DOWN[r.lang]).format(ver=ver)
        text = upd if rng.random() < 0.5 else upd + "\n\n" + r.text
        r.edit = (t, stars, "", text)
        r.extra["edit_version"] = ver
        r.extra["edit_ms"] = rng.randint(0, 999)
    return reviews


def location_mix(loc, week, aurora=True):
    if loc == "roma" and week in ROMA_DIP_WEEKS:
        return MIX_ROMA_DIP
    if loc == "roma" and week > ROMA_DIP_WEEKS[-1]:
        return MIX_ROMA_RECOVERY
    return MIX_AURORA


def restaurant_reviews(rng, tg, src, per_week, loc_weights, translate_share=0.0):
    """Shared planning for Trustpilot and GBP (Aurora locations)."""
    plan = []
    for w in range(1, NWEEKS + 1):
        n = week_count(rng, per_week)
        for t in week_times(rng, w, n, "rest"):
            weights = [loc_weights[l] * (1.5 if (l == "roma" and w in ROMA_DIP_WEEKS) else 1.0) for l in LOC_ORDER]
            loc = rng.choices(LOC_ORDER, weights=weights)[0]
            plan.append((t, loc, None))
    for spec in urgent_specs(src):
        plan.append((urgent_time(rng, spec, "rest"), spec[2], spec))
    plan.sort(key=lambda x: x[0])
    out = []
    for t, loc, spec in plan:
        w = week_of(t)
        translation = None
        if spec:
            lang, stars = spec[3], 1
            title, text = urgent_text(tg, spec)
        else:
            lang = "en" if rng.random() < 0.3 else "it"
            stars = draw_stars(rng, location_mix(loc, w))
            need_tr = lang == "en" and rng.random() < translate_share
            title, text, translation = tg.rest(lang, stars, loc, w, need_tr)
        out.append(Review(created=t, location=loc, lang=lang, stars=stars, title=title, text=text,
                          author=make_author(rng, lang), urgent=spec[4] if spec else None,
                          extra={"translation": translation}))
    return out


def add_replies(rng, tg, reviews, p_low, p_high, min_d=1, max_d=3):
    for r in reviews:
        p = 1.0 if r.urgent else (p_low if r.stars <= 2 else p_high)
        if rng.random() < p:
            rt = later_time(rng, r.created, min_d, max_d)
            if rt is None:
                continue
            if r.urgent:
                txt = URGENT_REPLY[r.lang].format(name=r.author.split(" ")[0])
            else:
                txt = tg.reply(r.lang, r.stars, r.author, r.location)
            r.reply = (rt, txt)


def restaurant_edit(rng, r, t):
    if rng.random() < 0.85:
        stars = min(5, r.stars + rng.choice([1, 2, 2, 3]))
        upd = rng.choice(EDIT_UP[r.lang])
    else:
        stars = max(1, r.stars - 1)
        upd = rng.choice(EDIT_DOWN[r.lang])
    text = upd if rng.random() < 0.4 else upd + "\n\n" + r.text
    title = r.title
    if r.title and stars >= 4:
        title = rng.choice(EDIT_TITLE[r.lang])
    elif r.title and stars > r.stars and rng.random() < 0.5:
        title = ("Aggiornamento: " if r.lang == "it" else "Update: ") + r.title
    r.edit = (t, stars, title, text)


TP_CAPTURES = [datetime(2026, 8, 31, 6, 30, tzinfo=UTC), datetime(2026, 9, 28, 6, 30, tzinfo=UTC),
               datetime(2026, 10, 26, 6, 30, tzinfo=UTC), datetime(2026, 11, 23, 6, 30, tzinfo=UTC)]


def gen_trustpilot(rng, tg):
    reviews = restaurant_reviews(rng, tg, "trustpilot", 20, {"milano": 0.4, "roma": 0.35, "napoli": 0.25})
    for r in reviews:
        r.rid = "%08x%s" % (int(r.created.timestamp()), rand_hex(rng, 16))
        r.extra["consumer"] = rand_hex(rng, 24)
        r.extra["source"] = rng.choices(["Organic", "InvitationApi", "BasicLink"], weights=[60, 28, 12])[0]
        r.extra["tags"] = "" if rng.random() < 0.9 else rng.choice(["cena", "pranzo", "servizio", "delivery"])
    add_replies(rng, tg, reviews, 0.62, 0.40)
    cands = [r for r in reviews if r.reply and r.stars <= 3 and not r.urgent
             and r.created < TP_CAPTURES[2] - timedelta(days=3)]
    for r in rng.sample(cands, 11):
        first_cap = min(c for c in TP_CAPTURES if c > r.created)
        t = later_time(rng, max(r.reply[0], first_cap), 1, 10)
        if t is not None:
            restaurant_edit(rng, r, t)
    # Exactly one review removed by Trustpilot between the 2nd and 3rd capture.
    dcands = [r for r in reviews if not r.reply and not r.edit and not r.urgent and r.stars == 1
              and r.created < TP_CAPTURES[0]]
    victim = rng.choice(dcands)
    victim.deleted = rand_time(rng, date(2026, 10, 6) + timedelta(days=rng.randint(0, 10)), "office")
    return reviews


def gen_gbp(rng, tg):
    reviews = restaurant_reviews(rng, tg, "gbp", 30, {"milano": 1, "roma": 1, "napoli": 1}, translate_share=0.4)
    for r in reviews:
        if not r.urgent and rng.random() < 0.08:
            r.text = ""                      # star-only: no "comment" key
            r.extra["translation"] = None
        r.extra["c_us"] = rng.randint(0, 999999)
    add_replies(rng, tg, reviews, 0.52, 0.36)
    for r in reviews:
        if r.reply:
            r.extra["r_us"] = rng.randint(0, 999999)
        # A few reviews were edited before the Takeout: only updateTime shows it.
        if not r.urgent and r.text and rng.random() < 0.04:
            ut = later_time(rng, r.created, 2, 20)
            if ut is not None:
                r.extra["updated"] = ut
                r.extra["u_us"] = rng.randint(0, 999999)
    return reviews


AMAZON_CAPTURES = [datetime(2026, 10, 5, 7, 0, tzinfo=UTC), datetime(2026, 11, 23, 7, 0, tzinfo=UTC)]


def gen_amazon(rng, tg):
    plan = []
    for w in range(1, NWEEKS + 1):
        for t in week_times(rng, w, week_count(rng, 3), "app"):
            plan.append((t, None))
    for spec in urgent_specs("amazon"):
        plan.append((urgent_time(rng, spec, "app"), spec))
    plan.sort(key=lambda x: x[0])
    reviews = []
    for t, spec in plan:
        if spec:
            stars = 1
            title, text = urgent_text(tg, spec)
        else:
            stars = draw_stars(rng, MIX_SAUCE)
            title, text = tg.sauce(stars)
        author = "Cliente Amazon" if rng.random() < 0.15 else make_author(rng, "it")
        hv = 0 if rng.random() < 0.6 else rng.randint(1, 14)
        reviews.append(Review(rid="R" + rand_str(rng, ALNUM_UP, 13), created=t, lang="it", stars=stars,
                              title=title, text=text, author=author, urgent=spec[4] if spec else None,
                              extra={"helpful": hv}))
    cands = [r for r in reviews if r.stars <= 3 and not r.urgent and r.created < AMAZON_CAPTURES[0] - timedelta(days=2)]
    r = rng.choice(cands)
    t = later_time(rng, AMAZON_CAPTURES[0], 3, 20)
    r.edit = (t, min(5, r.stars + 2), "Altro lotto, molto meglio",
              "Aggiornamento: ho riprovato con un altro lotto ed è decisamente migliore, alzo il voto.\n\n" + r.text)
    return reviews


def gen_competitor(rng, tg, sites, mix_name):
    plan = []
    for w in range(1, NWEEKS + 1):
        for t in week_times(rng, w, week_count(rng, 8), "rest"):
            plan.append(t)
    plan.sort()
    reviews = []
    next_id = 1003400000 + rng.randint(0, 99999)
    for t in plan:
        next_id += rng.randint(3000, 90000)
        site_name, city_key = rng.choices([s[:2] for s in sites], weights=[s[2] for s in sites])[0]
        lang = "en" if rng.random() < 0.3 else "it"
        stars = draw_stars(rng, mix_name)
        # week 0: the Roma dip story belongs to Aurora, not to the competitors
        title, text, _ = tg.rest(lang, stars, city_key, 0)
        r = Review(rid=str(next_id), created=t, lang=lang, stars=stars, title=title, text=text,
                   author=make_author(rng, lang), location=site_name,
                   extra={"date_fmt": "dmy" if rng.random() < 0.5 else "long",
                          "stars_fmt": "stars" if rng.random() < 0.5 else "slash"})
        if rng.random() < 0.15:
            rt = later_time(rng, t, 1, 4)
            if rt is not None:
                r.reply = (rt, rng.choice(COMP_REPLY[lang]).format(name=r.author.split(" ")[0]))
        reviews.append(r)
    return reviews


# ---------------------------------------------------------------------------
# Serialisers
# ---------------------------------------------------------------------------


def xml_text(s, quote=False):
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
    return "".join(c if ord(c) < 0x10000 else "&#%d;" % ord(c) for c in s)


def csv_field(v, delim):
    v = "" if v is None else str(v)
    if any(c in v for c in (delim, '"', "\r", "\n")):
        return '"' + v.replace('"', '""') + '"'
    return v


def csv_text(rows, delim, eol):
    return "".join(delim.join(csv_field(v, delim) for v in row) + eol for row in rows)


def appstore_captures():
    return [datetime(2026, 8, 17, 6, 0, tzinfo=UTC) + timedelta(days=14 * i) for i in range(8)]


def play_capture_for(t):
    d = rome_date(t)
    if d.month == 11:
        return datetime(2026, 11, 23, 5, 0, tzinfo=UTC)
    return datetime(2026, d.month + 1, 1, 5, 0, tzinfo=UTC)


def appstore_feed(reviews, cap):
    base = "https://itunes.apple.com/it/rss/customerreviews/page=%d/id=" + APP_ID + "/sortby=mostrecent/xml"
    desc = "?urlDesc=/customerreviews/page=1/id=" + APP_ID + "/sortby=mostrecent/xml"
    visible = []
    for r in reviews:
        if r.created <= cap:
            st = r.state(cap)
            visible.append((st[3], r, st))
    visible.sort(key=lambda x: (x[0], x[1].rid), reverse=True)
    total = len(visible)
    last_page = max(1, min(10, (total + 49) // 50))
    page = visible[:50]
    upd = pacific(cap)
    o = ['<?xml version="1.0" encoding="utf-8"?>\n\n'
         '<feed xmlns:im="http://itunes.apple.com/rss" xmlns="http://www.w3.org/2005/Atom" xml:lang="it">\n']
    o.append("\t<id>%s</id><title>iTunes Store: Recensioni clienti</title><updated>%s</updated>"
             '<link rel="alternate" type="text/html" href="https://apps.apple.com/WebObjects/MZStore.woa/wa/viewGrouping?cc=it&amp;id=1"/>'
             '<link rel="self" href="%s"/>'
             '<link rel="first" href="%s"/><link rel="last" href="%s"/>'
             '<link rel="previous" href="%s"/><link rel="next" href="%s"/>\n'
             % (base % 1, upd, base % 1, base % 1 + desc, base % last_page + desc, base % 1 + desc,
                base % min(2, last_page) + desc))
    o.append("\t<icon>http://itunes.apple.com/favicon.ico</icon><author><name>iTunes Store</name>"
             "<uri>http://www.apple.com/it/itunes/</uri></author><rights>Copyright 2008 Apple Inc.</rights>\n")
    app_url = "https://apps.apple.com/it/app/aurora-bistrot/id%s?uo=2" % APP_ID
    if cap <= datetime(2026, 9, 14, 23, 59, tzinfo=UTC):
        img = "https://is1-ssl.mzstatic.com/image/thumb/Purple221/v4/7c/1e/a0/7c1ea0d4-5b2f-3e8a-9c61-0d4f2b8e6a13/AppIcon-0-0-1x_U007emarketing-0-8-0-85-220.png/%dx%dbb.png"
        o.append("\t<entry>\n"
                 "\t\t<updated>%s</updated>\n"
                 '\t\t<id im:id="%s" im:bundleId="%s">%s</id>\n'
                 "\t\t<title>Aurora Bistrot - Aurora Bistrot S.r.l.</title>\n"
                 "\t\t<summary>Ordina i piatti di Aurora Bistrot a domicilio o da asporto, prenota un tavolo a Milano, Roma e Napoli e accumula punti fedeltà.</summary>\n"
                 "\t\t<im:name>Aurora Bistrot</im:name>\n"
                 '\t\t<link rel="alternate" type="text/html" href="%s"/>\n'
                 '\t\t<im:contentType term="Application" label="Applicazione"/>\n'
                 '\t\t<category im:id="6023" term="Food &amp; Drink" scheme="https://apps.apple.com/it/genre/ios-cibi-e-bevande/id6023?uo=2" label="Cibi e bevande"/>\n'
                 '\t\t<im:artist href="https://apps.apple.com/it/developer/aurora-bistrot-s-r-l/id6450012300?uo=2">Aurora Bistrot S.r.l.</im:artist>\n'
                 '\t\t<im:price amount="0.00000" currency="EUR">Gratis</im:price>\n'
                 '\t\t<im:image height="53">%s</im:image>\n'
                 '\t\t<im:image height="75">%s</im:image>\n'
                 '\t\t<im:image height="100">%s</im:image>\n'
                 "\t\t<rights>© 2023 Aurora Bistrot S.r.l.</rights>\n"
                 '\t\t<im:releaseDate label="14 giugno 2023">2023-06-14T00:00:00-07:00</im:releaseDate>\n'
                 "\t</entry>\n"
                 % (upd, APP_ID, PACKAGE, app_url, app_url, img % (53, 53), img % (75, 75), img % (100, 100)))
    obs = []
    for updated, r, st in page:
        stars, title, text, _, _ = st
        ver = r.extra["edit_version"] if (r.edit and r.edit[0] <= cap) else r.extra["version"]
        frac = min(1.0, (cap - r.created).total_seconds() / (28 * 86400))
        vs, vc = (int(r.extra["votes"][0] * frac), int(r.extra["votes"][1] * frac))
        html_body = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
                     .replace("\n", "<br/>"))
        html_title = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        html = ('<table border="0" width="100%"> <tr> <td> <table border="0" width="100%" cellspacing="0" cellpadding="0"> '
                '<tr valign="top" align="left"> <td width="100%"> <b><a href="' + app_url + '">' + html_title +
                '</a></b><br/> <font size="2" face="Helvetica,Arial,Geneva,Swiss,SunSans-Regular"> </font> </td> </tr> '
                '</table> </td> </tr> <tr> <td> <font size="2" face="Helvetica,Arial,Geneva,Swiss,SunSans-Regular">'
                '<br/>' + html_body + '</font><br/> </td> </tr> </table> ')
        o.append("\t<entry>\n"
                 "\t\t<updated>%s</updated>\n"
                 "\t\t<id>%s</id>\n"
                 "\t\t<title>%s</title>\n"
                 '\t\t<content type="text">%s</content>\n'
                 '\t\t<im:contentType term="Application" label="Applicazione"/>\n'
                 "\t\t<im:voteSum>%d</im:voteSum>\n"
                 "\t\t<im:voteCount>%d</im:voteCount>\n"
                 "\t\t<im:rating>%d</im:rating>\n"
                 "\t\t<im:version>%s</im:version>\n"
                 "\t\t<author><name>%s</name><uri>https://itunes.apple.com/it/reviews/id%s</uri></author>\n"
                 '\t\t<link rel="related" href="https://itunes.apple.com/it/review?id=%s&amp;type=Purple%%20Software"/>\n'
                 '\t\t<content type="html">%s</content>\n'
                 "\t</entry>\n"
                 % (pacific(updated), r.rid, xml_text(title), xml_text(text), vs, vc, stars, ver,
                    xml_text(r.author), r.extra["uid"], APP_ID, xml_text(html, quote=True)))
        obs.append({"id": r.rid, "stars": stars, "title": title, "text": text, "reply": "",
                    "created": r.created})
    o.append("</feed>\n")
    return "".join(o).encode("utf-8"), obs


PLAY_HEADER_16 = ["Package Name", "App Version Code", "App Version Name", "Reviewer Language", "Device",
                  "Review Submit Date and Time", "Review Submit Millis Since Epoch",
                  "Review Last Update Date and Time", "Review Last Update Millis Since Epoch", "Star Rating",
                  "Review Title", "Review Text", "Developer Reply Date and Time",
                  "Developer Reply Millis Since Epoch", "Developer Reply Text", "Review Link"]
PLAY_HEADER_14 = [h for h in PLAY_HEADER_16 if h not in ("App Version Code", "Reviewer Language")]
PLAY_MONTHS = [((2026, 8), datetime(2026, 9, 1, 5, 0, tzinfo=UTC)),
               ((2026, 9), datetime(2026, 10, 1, 5, 0, tzinfo=UTC)),
               ((2026, 10), datetime(2026, 11, 1, 5, 0, tzinfo=UTC)),
               ((2026, 11), datetime(2026, 11, 23, 5, 0, tzinfo=UTC))]


def play_file(reviews, ym, cap):
    header = PLAY_HEADER_14 if ym == (2026, 8) else PLAY_HEADER_16
    rows = []
    obs = []
    for r in reviews:
        if r.created > cap:
            continue
        stars, _, text, updated, reply = r.state(cap)
        if (updated.year, updated.month) != ym:
            continue
        edited = r.edit is not None and r.edit[0] <= cap
        ver = r.extra["edit_version"] if edited else r.extra["version"]
        upd_ms = r.extra["edit_ms"] if edited else r.extra["ms"]
        rec = {"Package Name": PACKAGE, "App Version Code": version_code(ver) if ver else "",
               "App Version Name": ver, "Reviewer Language": r.lang, "Device": r.extra["device"],
               "Review Submit Date and Time": iso_z(r.created),
               "Review Submit Millis Since Epoch": millis(r.created, r.extra["ms"]),
               "Review Last Update Date and Time": iso_z(updated),
               "Review Last Update Millis Since Epoch": millis(updated, upd_ms),
               "Star Rating": stars, "Review Title": "", "Review Text": text,
               "Developer Reply Date and Time": iso_z(reply[0]) if reply else "",
               "Developer Reply Millis Since Epoch": millis(reply[0], r.extra["reply_ms"]) if reply else "",
               "Developer Reply Text": reply[1] if reply else "", "Review Link": r.rid}
        rows.append((updated, r.rid, [rec[h] for h in header]))
        obs.append({"id": r.rid, "stars": stars, "title": "", "text": text, "reply": reply[1] if reply else "",
                    "created": r.created})
    rows.sort(key=lambda x: (x[0], x[1]))
    text = csv_text([header] + [x[2] for x in rows], ",", "\r\n")
    return b"\xff\xfe" + text.encode("utf-16-le"), obs


TP_HEADER = ["Review ID", "Review Created (UTC)", "Review Consumer User ID", "Review Username", "Review Title",
             "Review Content", "Review Stars", "Source Of Review", "Review Language", "Domain URL", "Webshop Name",
             "Business Unit ID", "Tags", "Company Reply Date (UTC)", "Reply Content", "Location Name", "Location ID"]
TP_BUSINESS_UNIT = "64b7c2e19d3f5a0012ab34cd"


def trustpilot_file(reviews, cap):
    rows = []
    obs = []
    for r in sorted(reviews, key=lambda x: (x.created, x.rid), reverse=True):
        if r.created > cap or (r.deleted is not None and r.deleted <= cap):
            continue
        stars, title, text, _, reply = r.state(cap)
        loc = LOCATIONS[r.location]
        rows.append([r.rid, space_dt(r.created), r.extra["consumer"], r.author, title, text, stars,
                     r.extra["source"], r.lang, "www.aurorabistrot.it", "Aurora Bistrot", TP_BUSINESS_UNIT,
                     r.extra["tags"], space_dt(reply[0]) if reply else "", reply[1] if reply else "",
                     loc["name"], loc["tp_id"]])
        obs.append({"id": r.rid, "stars": stars, "title": title, "text": text, "reply": reply[1] if reply else "",
                    "created": r.created})
    text = csv_text([TP_HEADER] + rows, ",", "\r\n")
    return b"\xef\xbb\xbf" + text.encode("utf-8"), obs


def star_text(n):
    return "%d,0 su 5 stelle" % n


def amazon_file(reviews, cap):
    rows = []
    obs = []
    for r in sorted(reviews, key=lambda x: (x.created, x.rid), reverse=True):
        if r.created > cap:
            continue
        stars, title, text, _, _ = r.state(cap)
        frac = min(1.0, (cap - r.created).total_seconds() / (40 * 86400))
        hv = int(r.extra["helpful"] * frac)
        helpful = "" if hv == 0 else ("Una persona l'ha trovata utile" if hv == 1 else "%d persone l'hanno trovata utile" % hv)
        rows.append([r.rid, "%s %s" % (star_text(stars), title), star_text(stars),
                     "Recensito in Italia il " + it_long_date(rome_date(r.created)), r.author, text, helpful])
        obs.append({"id": r.rid, "stars": stars, "title": title, "text": text, "reply": "",
                    "created": rome_midnight_utc(rome_date(r.created))})
    hdr = ["review_id", "review_title", "review_stars", "review_date", "review_author", "review_text", "helpful_votes"]
    return csv_text([hdr] + rows, ";", "\n").encode("utf-8"), obs


def competitor_file(reviews, cap):
    rows = []
    obs = []
    hdr = ["Id", "Data", "Valutazione", "Titolo", "Recensione", "Autore", "Sede", "Risposta", "Data risposta"]

    def fmt_date(d, f):
        return d.strftime("%d/%m/%Y") if f == "dmy" else it_long_date(d)

    for r in sorted(reviews, key=lambda x: (x.created, x.rid), reverse=True):
        stars, title, text, _, reply = r.state(cap)
        f = r.extra["date_fmt"]
        val = ("★" * stars + "☆" * (5 - stars)) if r.extra["stars_fmt"] == "stars" else "%d/5" % stars
        rows.append([r.rid, fmt_date(rome_date(r.created), f), val, title, text, r.author, r.location,
                     reply[1] if reply else "", fmt_date(rome_date(reply[0]), f) if reply else ""])
        obs.append({"id": r.rid, "stars": stars, "title": title, "text": text, "reply": reply[1] if reply else "",
                    "created": rome_midnight_utc(rome_date(r.created))})
    return b"\xef\xbb\xbf" + csv_text([hdr] + rows, ";", "\r\n").encode("utf-8"), obs


GBP_ACCOUNT = "108412093847561230987"
GBP_LOCATION_IDS = {"milano": "4217730918462530117", "roma": "12880461537209948213", "napoli": "7065129384756102938"}
STAR_ENUM = {1: "ONE", 2: "TWO", 3: "THREE", 4: "FOUR", 5: "FIVE"}


def gbp_files(rng, reviews, loc):
    items = []
    for r in reviews:
        if r.location != loc:
            continue
        upd = r.extra.get("updated", r.created)
        upd_us = r.extra.get("u_us", r.extra["c_us"])
        o = {"reviewer": {"displayName": r.author}, "starRating": STAR_ENUM[r.stars]}
        if r.text:
            if r.extra.get("translation"):
                o["comment"] = "(Translated by Google) %s\n\n(Original)\n%s" % (r.extra["translation"], r.text)
            else:
                o["comment"] = r.text
        o["createTime"] = iso_micro(r.created, r.extra["c_us"])
        o["updateTime"] = iso_micro(upd, upd_us)
        if r.reply:
            o["reviewReply"] = {"comment": r.reply[1], "updateTime": iso_micro(r.reply[0], r.extra["r_us"])}
        o["name"] = r.rid
        items.append(((upd, upd_us), r.rid, o))
    items.sort(key=lambda x: (x[0], x[1]), reverse=True)
    seq = [x[2] for x in items]
    # A review arriving while the export paged through the list shifts the
    # window: the last review of one page repeats as the first of the next.
    size = 20
    b = rng.randint(1, max(1, len(seq) // size - 2))
    seq = seq[:size * b] + seq[size * b - 1:]
    pages = [seq[i:i + size] for i in range(0, len(seq), size)]
    files = []
    for i, p in enumerate(pages):
        name = "reviews.json" if i == 0 else "reviews-ABHRLXU%s.json" % rand_str(rng, B64URL, 41)
        data = json.dumps({"reviews": p}, indent=2, ensure_ascii=False).encode("utf-8")
        files.append((name, data))
    return files


# ---------------------------------------------------------------------------
# Internal customer data: what Aurora Bistrot measures itself (surveys, helpdesk,
# customer counts, customer health).  Drawn from its own seeded Random, so the
# review files above stay byte-identical whatever is changed here.
# ---------------------------------------------------------------------------

INTERNAL_SEED = 20261125
INTERNAL_SOURCES = ["aurora-qualtrics", "aurora-zendesk-csat", "aurora-zendesk-tickets", "aurora-customers",
                    "aurora-health"]
INTERNAL_CAPTURE = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
LOC_DISPLAY = {"milano": "Milano", "roma": "Roma", "napoli": "Napoli"}   # the `locations:` names in sources.yml
LOC_BY_DISPLAY = {v: k for k, v in LOC_DISPLAY.items()}
B62 = B64URL[:62]


def rome_local(t):
    """Aware UTC datetime -> naive Europe/Rome wall time."""
    offset = 2 if t < datetime(2026, 10, 25, 1, 0, 0, tzinfo=UTC) else 1
    return (t + timedelta(hours=offset)).replace(tzinfo=None)


def iso_week_label(d):
    y, w, _ = d.isocalendar()
    return "%04d-W%02d" % (y, w)


LAST_WEEK = iso_week_label(LAST_DAY)


# --- Qualtrics -------------------------------------------------------------

NPS_TEXT = "Quanto è probabile che consiglieresti Aurora Bistrot a un amico o collega?"
CSAT_TEXT = "Quanto sei soddisfatto della tua visita?"
COMMENT_TEXT = "Commenti"
QX_TAGS = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
           "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
           "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage",
           "Q1", "Q1_NPS_GROUP", "Q2", "Q3", "Location"]
QX_TEXTS = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)", "Finished",
            "Recorded Date", "Response ID", "Recipient Last Name", "Recipient First Name", "Recipient Email",
            "External Data Reference", "Location Latitude", "Location Longitude", "Distribution Channel",
            "User Language", NPS_TEXT, NPS_TEXT + " - Group", CSAT_TEXT, COMMENT_TEXT, "Location"]
QX_IMPORT = ['{"ImportId":"startDate","timeZone":"Europe/Rome"}', '{"ImportId":"endDate","timeZone":"Europe/Rome"}',
             '{"ImportId":"status"}', '{"ImportId":"ipAddress"}', '{"ImportId":"progress"}', '{"ImportId":"duration"}',
             '{"ImportId":"finished"}', '{"ImportId":"recordedDate","timeZone":"Europe/Rome"}',
             '{"ImportId":"_recordId"}', '{"ImportId":"recipientLastName"}', '{"ImportId":"recipientFirstName"}',
             '{"ImportId":"recipientEmail"}', '{"ImportId":"externalDataReference"}',
             '{"ImportId":"locationLatitude"}', '{"ImportId":"locationLongitude"}',
             '{"ImportId":"distributionChannel"}', '{"ImportId":"userLanguage"}', '{"ImportId":"QID1"}',
             '{"ImportId":"QID1_NPS_GROUP"}', '{"ImportId":"QID2"}', '{"ImportId":"QID3_TEXT"}',
             '{"ImportId":"Location"}']
QX_GEO = {"milano": (45.4642, 9.1900), "roma": (41.8919, 12.5113), "napoli": (40.8518, 14.2681)}
QX_SURNAMES = ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
               "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti"]

# Q1 weights for the scores 0..10 (percent).  Milano: many promoters, improving; Napoli:
# the most detractors, slowly slipping; Roma: the review story (weeks 9-12 dip).
NPS_MILANO = (1, 0.5, 0.5, 1, 1, 2, 7, 11, 14, 28, 34)
NPS_ROMA = (2, 1, 1, 1, 2, 4, 9, 14, 16, 24, 26)
NPS_ROMA_DIP = (8, 5, 6, 6, 7, 8, 10, 12, 12, 12, 14)
NPS_NAPOLI = (4, 2, 2, 3, 4, 6, 9, 16, 17, 18, 19)

QX_COMMENT_POS = [
    "Tutto perfetto, torneremo presto.", "Servizio veloce e personale gentilissimo.", "Che bontà: {dish}!",
    "Ottimo rapporto qualità/prezzo.", "{staff} è stato fantastico con i bambini.", "Bella atmosfera, cibo ottimo.",
    "Il {dessert} era da applausi, complimenti alla cucina.", "Prenotazione semplice, tavolo pronto all'orario giusto.",
    "Sempre una certezza.", "Consiglio \"{dish}\": merita da solo la visita.",
]
QX_COMMENT_MID = [
    "Buono, ma un po' caro.", "Attesa un po' lunga per il tavolo.", "Nella media.",
    "{dish} ok, il dolce meno.", "Cibo buono, servizio da rivedere.", "Locale rumoroso il sabato sera.",
]
QX_COMMENT_NEG = [
    "Servizio lento, abbiamo aspettato troppo.", "Piatti arrivati freddi.",
    "Conto sbagliato, corretto solo dopo averlo fatto notare.", "Troppo rumore, non si riusciva a parlare.",
    "Prenotazione non trovata, abbiamo aspettato 20 minuti in piedi.", "Porzioni piccole per il prezzo.",
    "Nessuno è passato a chiederci se andava tutto bene.",
]
QX_COMMENT_ROMA_DIP = ["Da quando c'è il nuovo responsabile di sala il servizio è peggiorato.",
                       "Sala nel caos, pochissimo personale.", "Servizio lentissimo, un'ora tra antipasto e primo."]
QX_COMMENT_NEWLINE = "Cibo ottimo.\nServizio da migliorare: il conto è arrivato dopo mezz'ora."


def nps_weights(loc, week):
    if loc == "milano":
        w = list(NPS_MILANO)
        w[10] += 0.6 * week            # Milano keeps getting better
        return w
    if loc == "roma":
        return NPS_ROMA_DIP if week in ROMA_DIP_WEEKS else NPS_ROMA
    w = list(NPS_NAPOLI)
    w[6] += 0.4 * week                 # Napoli slips
    w[0] += 0.2 * week
    return w


def nps_group(q1):
    return 1 if q1 <= 6 else (2 if q1 <= 8 else 3)


def gen_qualtrics(rng):
    """-> list of response dicts (local Rome naive datetimes), sorted by RecordedDate."""
    out = []
    used = set()

    def rid():
        while True:
            r = "R_" + rand_str(rng, B62, 15)
            if r not in used:
                used.add(r)
                return r

    base = {"milano": 23, "roma": 21, "napoli": 19}
    for w in range(1, NWEEKS + 1):
        for loc in LOC_ORDER:
            n = max(15, min(30, int(round(rng.gauss(base[loc], 3.5)))))
            for i in range(n):
                dow = rng.choices(range(7), weights=REST_DAY_WEIGHTS)[0]
                d = FIRST_DAY + timedelta(days=7 * (w - 1) + dow)
                h = rng.choices([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23],
                                weights=[3, 4, 4, 5, 8, 9, 8, 6, 5, 5, 6, 8, 9, 9, 7])[0]
                end = datetime(d.year, d.month, d.day, h, rng.randint(0, 59), rng.randint(0, 59))
                q1 = rng.choices(range(11), weights=nps_weights(loc, w))[0]
                out.append(qx_response(rng, rid(), loc, w, end, q1))
    # A response at 00:2x on the Monday that opens the last week: Rome says week 47, UTC
    # (23:2x on Sunday) would say week 46.
    monday = FIRST_DAY + timedelta(days=7 * (NWEEKS - 1))
    end = datetime(monday.year, monday.month, monday.day, 0, 20 + rng.randint(0, 9), rng.randint(0, 59))
    out.append(qx_response(rng, rid(), "napoli", NWEEKS, end, 4))
    out.sort(key=lambda r: (r["recorded"], r["id"]))
    # Exactly one comment with a line break inside it; every other comment stays on one line.
    pick = [r for r in out if r["loc"] == "milano" and r["week"] == NWEEKS and r["q1"] >= 7][3]
    pick["comment"] = QX_COMMENT_NEWLINE
    # Q2 not shown (display logic) for a few responses: Q1 answered, Q2 empty.
    for r in rng.sample(out, 14):
        r["q2"] = None
    # Two previews by the survey's owner: excluded by every importer.
    for d, h, loc in ((date(2026, 8, 3), 10, "milano"), (date(2026, 11, 18), 15, "napoli")):
        end = datetime(d.year, d.month, d.day, h, rng.randint(0, 59), rng.randint(0, 59))
        p = qx_response(rng, rid(), loc, (d - FIRST_DAY).days // 7 + 1, end, 10)
        p.update(status="Survey Preview", ip="", channel="preview", lat="", lon="", q2=5,
                 comment="test anteprima", email=("", "", "", ""))
        out.append(p)
    out.sort(key=lambda r: (r["recorded"], r["id"]))
    return out


def qx_response(rng, rid, loc, week, end, q1):
    tg = TextGen(rng)
    sl = tg.slots(loc)["it"]
    q2 = max(1, min(5, int(round(q1 / 2.5 + rng.gauss(0.6, 0.7)))))
    comment = ""
    if rng.random() < 0.45:
        if loc == "roma" and week in ROMA_DIP_WEEKS and q1 <= 6 and rng.random() < 0.6:
            pool = QX_COMMENT_ROMA_DIP
        else:
            pool = QX_COMMENT_POS if q1 >= 9 else (QX_COMMENT_MID if q1 >= 7 else QX_COMMENT_NEG)
        comment = cap_first(rng.choice(pool).format(**sl))
    duration = rng.randint(25, 420)
    start = end - timedelta(seconds=duration)
    recorded = end + timedelta(seconds=rng.choice([0, 0, 0, 1]))
    lat, lon = QX_GEO[loc]
    email = ("", "", "", "")
    channel = "anonymous"
    if rng.random() < 0.2:
        channel = "email"
        first = rng.choice(IT_FIRST)
        last = rng.choice(QX_SURNAMES)
        email = (last, first, "%s.%s@example.com" % (first.lower(), last.lower().replace(" ", "")),
                 "AUR-%05d" % rng.randint(10000, 99999))
    return {"id": rid, "loc": loc, "week": week, "start": start, "end": end, "recorded": recorded,
            "duration": duration, "status": "IP Address",
            "ip": "%s.%d" % (rng.choice(["192.0.2", "198.51.100", "203.0.113"]), rng.randint(1, 254)),
            "lat": "%.4f" % (lat + rng.uniform(-0.04, 0.04)), "lon": "%.4f" % (lon + rng.uniform(-0.04, 0.04)),
            "channel": channel, "email": email, "q1": q1, "q2": q2, "comment": comment}


def qualtrics_file(responses):
    rows = [QX_TAGS, QX_TEXTS, QX_IMPORT]
    for r in responses:
        rows.append([space_dt(r["start"]), space_dt(r["end"]), r["status"], r["ip"], "100", str(r["duration"]),
                     "True", space_dt(r["recorded"]), r["id"], r["email"][0], r["email"][1], r["email"][2],
                     r["email"][3], r["lat"], r["lon"], r["channel"], "IT", str(r["q1"]), str(nps_group(r["q1"])),
                     "" if r["q2"] is None else str(r["q2"]), r["comment"], LOC_DISPLAY[r["loc"]]])
    # Qualtrics quotes every field, header rows included.
    text = "".join(",".join('"' + v.replace('"', '""') + '"' for v in row) + "\r\n" for row in rows)
    return b"\xef\xbb\xbf" + text.encode("utf-8")


# --- Zendesk ---------------------------------------------------------------

ZD = "https://aurora.zendesk.com/api/v2"
ZD_LOCATION_FIELD = 360001
ZD_ORDER_FIELD = 360002
ZD_GROUPS = {"prenotazioni": 360000111201, "reclami": 360000111202, "ordini": 360000111203}
ZD_AGENTS = {"milano": [391200000101, 391200000102, 391200000103],
             "roma": [391200000201, 391200000202, 391200000203],
             "napoli": [391200000301, 391200000302]}
ZD_SUBJECTS = [
    ("prenotazioni", "Prenotazione per {n} persone sabato sera"), ("prenotazioni", "Modifica prenotazione"),
    ("prenotazioni", "Disdetta prenotazione di domani"), ("prenotazioni", "Richiesta sala privata per una cena aziendale"),
    ("prenotazioni", "Buono regalo: come si usa?"), ("reclami", "Reclamo sul servizio di ieri sera"),
    ("reclami", "Conto non corretto"), ("reclami", "Attesa troppo lunga"), ("reclami", "Oggetto dimenticato al tavolo"),
    ("reclami", "Richiesta fattura"), ("ordini", "Ordine in ritardo"), ("ordini", "Ordine incompleto"),
    ("ordini", "Rimborso ordine annullato"), ("ordini", "Punti fedeltà non accreditati"),
]
# Median first reply (calendar minutes) per location; Roma slows down in the dip weeks.
ZD_REPLY_MEDIAN = {"milano": 40.0, "roma": 95.0, "napoli": 210.0}
ZD_SOLVE_MEDIAN_H = {"milano": 5.0, "roma": 9.0, "napoli": 20.0}
ZD_FIRST_TICKET = 10231
BUSINESS_HOURS = (9, 19)             # Mon-Sat, Europe/Rome
ZD_REASONS = [(5, "The issue took too long to resolve", 360000270815),
              (6, "The issue was not resolved", 360000270816),
              (8, "The agent's attitude was unsatisfactory", 360000270818),
              (100, "Some other reason", 360000270899)]
ZD_NO_REASON = (0, "No reason provided", 360000270810)
ZD_CSAT_GOOD = ["Grazie, gentilissimi!", "Risposta veloce e chiara.", "Problema risolto subito, grazie.",
                "Molto disponibili."]
ZD_CSAT_BAD = ["Nessuno mi ha risposto per giorni.", "Il rimborso non è ancora arrivato.",
               "Risposta standard, il problema resta.", "Troppo tempo per una cosa semplice."]


def minutes(a, b):
    return int((b - a).total_seconds() // 60)


def business_minutes(a, b):
    """Minutes of [a, b) inside Mon-Sat 09:00-19:00 Europe/Rome."""
    total = 0.0
    d = rome_date(a)
    while d <= rome_date(b):
        if d.weekday() < 6:
            lo = max(a, rome_to_utc(d, BUSINESS_HOURS[0], 0, 0))
            hi = min(b, rome_to_utc(d, BUSINESS_HOURS[1], 0, 0))
            if hi > lo:
                total += (hi - lo).total_seconds()
        d += timedelta(days=1)
    return int(total // 60)


def elapsed(a, b):
    if a is None or b is None:
        return {"calendar": None, "business": None}
    return {"calendar": minutes(a, b), "business": business_minutes(a, b)}


def gen_tickets(rng):
    plan = []
    base = {"milano": 8, "roma": 9, "napoli": 11}
    for w in range(1, NWEEKS + 1):
        for loc in LOC_ORDER:
            for _ in range(max(4, int(round(rng.gauss(base[loc], 2))))):
                dow = rng.randint(0, 6)
                d = FIRST_DAY + timedelta(days=7 * (w - 1) + dow)
                plan.append((rand_time(rng, d, "office"), loc))
        if rng.random() < 0.25:     # a ticket nobody tagged with a location
            d = FIRST_DAY + timedelta(days=7 * (w - 1) + rng.randint(0, 6))
            plan.append((rand_time(rng, d, "office"), None))
    # 00:30 on the Monday opening the last week (Sunday 23:30 UTC): Rome's week 47.
    plan.append((rome_to_utc(date(2026, 11, 16), 3, 0, 0) - timedelta(hours=2, minutes=30) + timedelta(seconds=17),
                 "milano"))
    plan.sort(key=lambda x: x[0])
    tickets = []
    for i, (t, loc) in enumerate(plan):
        tickets.append(zd_ticket(rng, ZD_FIRST_TICKET + i, t, loc))
        if rome_local(t).hour < 3:
            tickets[-1]["channel"] = "web"
    for x in tickets:
        zd_finish(x)
    # The story cases, all created in the last week.
    cap = INTERNAL_CAPTURE
    last = [x for x in tickets if week_of(x["created"]) == NWEEKS]
    # 1. Reopened after its solve: first resolution kept, full resolution null, status open.
    reo = [x for x in last if x["loc"] == "roma" and x["first_reply"] is not None
           and x["first_reply"] <= cap - timedelta(hours=48)][0]
    solve = min(reo["first_reply"] + timedelta(minutes=rng.randint(30, 300)), cap - timedelta(hours=30))
    reo.update(solves=[solve], reopened_at=solve + timedelta(hours=rng.randint(3, 20), seconds=rng.randint(0, 59)),
               status="open", replies=1, reopens=1, story="reopened")
    for loc in LOC_ORDER:
        mine = [x for x in last if x["loc"] == loc and x is not reo]
        # 2. Not replied yet: the newest ticket of each location (Napoli's is not even assigned).
        mine[-1].update(first_reply=None, solves=[], replies=0, reopens=0, reopened_at=None, story="unreplied",
                        status="new" if loc == "napoli" else "open")
        if loc == "napoli":
            mine[-1].update(assigned=None, reassigned=None)
        # 3. Replied, waiting for the customer: the two before it.
        for x in mine[-3:-1]:
            if x["first_reply"] is not None:
                x.update(solves=[], replies=1, reopens=0, reopened_at=None, status="pending", story="pending")
    return tickets


def zd_ticket(rng, tid, created, loc):
    w = week_of(created)
    key = loc or "roma"
    channel = rng.choices(["email", "web", "chat", "voice"], weights=[45, 30, 15, 10])[0]
    group, subject = rng.choice(ZD_SUBJECTS)
    med = ZD_REPLY_MEDIAN[key] * (2.5 if (loc == "roma" and w in ROMA_DIP_WEEKS) else 1.0)
    if channel in ("chat", "voice"):
        med = med / 12.0
    first_reply = created + timedelta(minutes=max(1.0, rng.lognormvariate(0, 0.8) * med), seconds=rng.randint(0, 59))
    assigned = created + timedelta(minutes=rng.randint(1, 25), seconds=rng.randint(0, 59))
    if assigned > first_reply:
        assigned = first_reply - timedelta(seconds=rng.randint(5, 50))
        if assigned < created:
            assigned = created
    replies = 1 + (0 if rng.random() < (0.62 if key == "milano" else 0.5) else rng.choice([1, 1, 2, 3]))
    solves = []
    solve = first_reply + timedelta(hours=rng.lognormvariate(0, 0.9) * ZD_SOLVE_MEDIAN_H[key] * (replies / 1.5),
                                    seconds=rng.randint(0, 59))
    solves.append(solve)
    reopens = 0
    if rng.random() < 0.08:
        reopens = 1
        replies += 1
        solves.append(solve + timedelta(hours=rng.uniform(6, 72)))
    stations = 2 if rng.random() < 0.1 else 1
    first_reply, assigned = first_reply.replace(microsecond=0), assigned.replace(microsecond=0)
    solves = [t.replace(microsecond=0) for t in solves]
    return {"id": tid, "created": created, "loc": loc, "channel": channel, "group": ZD_GROUPS[group],
            "subject": subject.format(n=rng.randint(2, 12)), "assignee": rng.choice(ZD_AGENTS[key]),
            "requester": 381500000000 + rng.randint(0, 99999999), "first_reply": first_reply, "assigned": assigned,
            "reassigned": (assigned + timedelta(minutes=rng.randint(10, 200))) if stations == 2 else None,
            "replies": replies, "reopens": reopens, "solves": solves, "reopened_at": None,
            "order": ("ORD-%06d" % rng.randint(0, 999999)) if group == "ordini" else None,
            "agent_wait_share": rng.uniform(0, 0.5) if replies > 1 else 0.0,
            "hold_share": rng.uniform(0.05, 0.2) if rng.random() < 0.07 else 0.0,
            "comment_lag": rng.randint(1, 30), "status": None}


def zd_finish(x):
    """Cut the ticket's planned history at the capture time; derive its status."""
    cap = INTERNAL_CAPTURE
    if x["first_reply"] is not None and x["first_reply"] > cap:
        x["first_reply"] = None
    if x["first_reply"] is None:
        x.update(solves=[], reopens=0, replies=0)
    if x["assigned"] is not None and x["assigned"] > cap:
        x["assigned"] = None
    if x["reassigned"] is not None and (x["assigned"] is None or x["reassigned"] > cap):
        x["reassigned"] = None
    planned = x["solves"]
    x["reopened_at"] = None
    if len(planned) == 2:
        reopen = planned[0] + (planned[1] - planned[0]) / 4
        if reopen > cap:                   # not reopened (yet): one solve, one reply fewer
            planned = planned[:1]
            x["reopens"] = 0
            x["replies"] -= 1
        else:
            x["reopened_at"] = reopen.replace(microsecond=0)
    done = [t for t in planned if t <= cap]
    x["solves"] = done
    if not done:
        x["status"] = "pending" if x["first_reply"] else ("open" if x["assigned"] else "new")
    elif len(done) == len(planned):
        x["status"] = "closed" if done[-1] <= cap - timedelta(days=4) else "solved"
    else:
        x["status"] = "open"               # reopened, waiting for the second solve
    if x["status"] == "new":
        x.update(assigned=None, reassigned=None)


def zd_ticket_objects(x, mid):
    c = x["created"]
    solved = x["status"] in ("solved", "closed")
    first_solve = x["solves"][0] if x["solves"] else None
    last_solve = x["solves"][-1] if solved else None
    events = [c] + [e for e in (x["first_reply"], x["assigned"], x["reassigned"], x["reopened_at"]) if e] + x["solves"]
    last_event = max(events)
    agent_events = [e for e in (x["first_reply"], x["assigned"], x["reassigned"]) if e] + x["solves"]
    latest_comment = max([c] + [e for e in (x["first_reply"], x["reopened_at"]) if e] +
                         [s - timedelta(minutes=x["comment_lag"]) for s in x["solves"] if s - timedelta(minutes=x["comment_lag"]) > c])
    full = elapsed(c, last_solve)
    if solved:
        aw_c = int(full["calendar"] * x["agent_wait_share"])
        aw_b = int(full["business"] * x["agent_wait_share"])
        oh_c = int(full["calendar"] * x["hold_share"])
        oh_b = int(full["business"] * x["hold_share"])
        rw_c = full["calendar"] - aw_c - oh_c
        rw_b = min(rw_c, max(0, full["business"] - aw_b - oh_b))
        waits = ({"calendar": aw_c, "business": aw_b}, {"calendar": rw_c, "business": rw_b},
                 {"calendar": oh_c, "business": oh_b})
    elif first_solve is not None:
        # Reopened: the waits measured at the first solve stay.
        fr = elapsed(c, first_solve)
        waits = ({"calendar": 0, "business": 0}, fr, {"calendar": 0, "business": 0})
    else:
        waits = ({"calendar": None, "business": None},) * 3
    ticket_updated = last_event
    if x["status"] == "closed":
        ticket_updated = last_solve + timedelta(days=4, minutes=7)
    custom = [{"id": ZD_LOCATION_FIELD, "value": x["loc"]}, {"id": ZD_ORDER_FIELD, "value": x["order"]}]
    ticket = {
        "url": "%s/tickets/%d.json" % (ZD, x["id"]), "id": x["id"], "external_id": None,
        "via": {"channel": x["channel"], "source": {"from": {}, "to": {}, "rel": None}},
        "created_at": iso_z(c), "updated_at": iso_z(ticket_updated), "type": None, "subject": x["subject"],
        "raw_subject": x["subject"], "priority": None, "status": x["status"], "requester_id": x["requester"],
        "submitter_id": x["requester"], "assignee_id": x["assignee"] if x["assigned"] else None,
        "organization_id": None, "group_id": x["group"], "tags": ([x["loc"]] if x["loc"] else []),
        "custom_fields": custom, "brand_id": 360000098101, "is_public": True,
    }
    metric = {
        "url": "%s/ticket_metrics/%d.json" % (ZD, mid), "id": mid, "ticket_id": x["id"],
        "created_at": iso_z(c), "updated_at": iso_z(last_event),
        "group_stations": 1, "assignee_stations": 2 if x["reassigned"] else (1 if x["assigned"] else 0),
        "reopens": x["reopens"], "replies": x["replies"],
        "assignee_updated_at": iso_z(max(agent_events)) if agent_events else None,
        "requester_updated_at": iso_z(x["reopened_at"] or c),
        "status_updated_at": iso_z(max([c] + [e for e in (x["first_reply"], x["reopened_at"]) if e] + x["solves"])),
        "initially_assigned_at": iso_z(x["assigned"]) if x["assigned"] else None,
        "assigned_at": iso_z(x["reassigned"] or x["assigned"]) if x["assigned"] else None,
        "solved_at": iso_z(x["solves"][-1]) if x["solves"] else None,
        "latest_comment_added_at": iso_z(latest_comment),
        "reply_time_in_minutes": elapsed(c, x["first_reply"]),
        "first_resolution_time_in_minutes": elapsed(c, first_solve),
        "full_resolution_time_in_minutes": full,
        "agent_wait_time_in_minutes": waits[0],
        "requester_wait_time_in_minutes": waits[1],
        "on_hold_time_in_minutes": waits[2],
    }
    for k, v in metric.items():
        if isinstance(v, dict) and v.get("calendar") is not None:
            assert 0 <= v["business"] <= v["calendar"], (x["id"], k, v)
    return ticket, metric


def ticket_pages(tickets, per_page=100):
    objs = [zd_ticket_objects(x, 360123400000 + 17 * i) for i, x in enumerate(tickets)]
    pages = [objs[i:i + per_page] for i in range(0, len(objs), per_page)]
    files = []
    for n, p in enumerate(pages, 1):
        link = ZD + "/tickets.json?include=metric_sets&page=%d&per_page=%d"
        doc = {"tickets": [t for t, _ in p], "metric_sets": [m for _, m in p],
               "next_page": link % (n + 1, per_page) if n < len(pages) else None,
               "previous_page": link % (n - 1, per_page) if n > 1 else None,
               "count": len(objs)}
        files.append(("tickets-page%d.json" % n, json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")))
    return files


CSAT_START = date(2026, 11, 2)        # Monday of week 45: satisfaction surveys switched on


def gen_ratings(rng, tickets):
    """Since CSAT_START Zendesk offers the survey 24 h after each solve (voice tickets get
    none: unoffered); the record is created when offered and updated when answered."""
    recs = []
    p_good = {"milano": 0.92, "roma": 0.8, "napoli": 0.66, None: 0.8}
    for x in tickets:
        if not x["solves"] or rome_date(x["solves"][0]) < CSAT_START:
            continue
        offered = x["solves"][0] + timedelta(hours=24, seconds=rng.randint(0, 600))
        if offered > INTERNAL_CAPTURE:
            continue
        answered = offered + timedelta(minutes=rng.randint(2, 2000), seconds=rng.randint(0, 59))
        if x["channel"] == "voice":
            score, upd = "unoffered", offered
        elif rng.random() < 0.55 or answered > INTERNAL_CAPTURE:
            score, upd = "offered", offered
        else:
            score, upd = ("good" if rng.random() < p_good[x["loc"]] else "bad"), answered
        comment = None
        reason = ZD_NO_REASON
        if score == "good" and rng.random() < 0.35:
            comment = rng.choice(ZD_CSAT_GOOD)
        if score == "bad":
            reason = rng.choice(ZD_REASONS)
            if rng.random() < 0.6:
                comment = rng.choice(ZD_CSAT_BAD)
        recs.append((offered, x, score, upd, comment, reason))
    recs.sort(key=lambda r: (r[0], r[1]["id"]))
    out = []
    rid = 39851000000
    for offered, x, score, upd, comment, reason in recs:
        rid += rng.randint(3, 400)
        out.append({"id": rid, "url": "%s/satisfaction_ratings/%d.json" % (ZD, rid),
                    "assignee_id": x["assignee"], "group_id": x["group"], "requester_id": x["requester"],
                    "ticket_id": x["id"], "score": score, "comment": comment, "reason": reason[1],
                    "reason_code": reason[0], "reason_id": reason[2], "created_at": iso_z(offered),
                    "updated_at": iso_z(upd)})
    return out


def ratings_file(ratings):
    doc = {"satisfaction_ratings": ratings, "next_page": None, "previous_page": None, "count": len(ratings)}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# --- Customer counts and health --------------------------------------------

def gen_customers(rng):
    start = {"milano": 1240, "roma": 980, "napoli": 860}
    rows = []
    for w in range(1, NWEEKS + 1):
        monday = FIRST_DAY + timedelta(days=7 * (w - 1))
        for loc in LOC_ORDER:
            s = start[loc]
            churn = {"milano": 0.018, "roma": 0.05 if w in ROMA_DIP_WEEKS else 0.026, "napoli": 0.038}[loc]
            gain = {"milano": 0.03, "roma": 0.024, "napoli": 0.028}[loc]
            lost = max(0, int(round(rng.gauss(s * churn, 4))))
            new = max(0, int(round(rng.gauss(s * gain, 5))))
            end = s - lost + new
            visits = int(round(rng.gauss({"milano": 2400, "roma": 2100, "napoli": 1800}[loc], 150)))
            conv = {"milano": 0.31, "roma": 0.27, "napoli": 0.22}[loc] + rng.uniform(-0.02, 0.02)
            sales = min(visits, int(round(visits * conv)))
            rows.append({"period": iso_week_label(monday), "location": loc, "start": s, "end": end, "new": new,
                         "lost": lost, "visits": visits, "sales": sales})
            start[loc] = end
    return rows


def customers_file(rows):
    hdr = ["period", "location", "start", "end", "new", "lost", "visits", "sales"]
    return csv_text([hdr] + [[r[h] for h in hdr] for r in rows], ",", "\n").encode("utf-8")


HEALTH_HEADER = ["customer_id", "as_of", "location", "tenure", "plan", "interactions", "spend", "responsiveness",
                 "csat", "nps"]


def gen_health(rng):
    rows = []
    ids = sorted(rng.sample(range(10000, 99999), 40))
    locs = ["milano"] * 15 + ["roma"] * 13 + ["napoli"] * 12
    rng.shuffle(locs)
    lift = {"milano": 1.0, "roma": 0.85, "napoli": 0.7}
    for cid, loc in zip(ids, locs):
        f = lift[loc] * rng.uniform(0.55, 1.3)
        paid = rng.random() < 0.25 + 0.3 * lift[loc]
        rows.append({"customer_id": "AUR-%05d" % cid, "as_of": LAST_DAY.isoformat(), "location": loc,
                     "tenure": str(max(1, int(rng.uniform(1, 40) * min(1.0, f)))),
                     "plan": "paid" if paid else "free",
                     "interactions": str(max(0, int(round(rng.gauss(11 * f, 3))))),
                     "spend": "%.2f" % max(0.0, rng.gauss(520 * f * (1.4 if paid else 0.8), 120)),
                     "responsiveness": str(max(0, min(100, int(round(rng.gauss(70 * f, 12)))))),
                     "csat": str(max(1, min(5, int(round(rng.gauss(3.9 * f, 0.7)))))),
                     "nps": str(max(0, min(10, int(round(rng.gauss(8.2 * f, 1.6))))))})
    # A few signals nobody has for that customer.
    for r, col in zip(rng.sample(rows, 6), ["responsiveness", "nps", "csat", "spend", "nps", "interactions"]):
        r[col] = ""
    return rows


def health_file(rows):
    return csv_text([HEALTH_HEADER] + [[r[h] for h in HEALTH_HEADER] for r in rows], ",", "\n").encode("utf-8")


# Mirrors the `health:` section of sources.yml (for the truth only).
HEALTH_MODEL = [("tenure", 15, (0, 36)), ("plan", 10, {"free": 0, "paid": 100}), ("interactions", 15, (0, 20)),
                ("spend", 15, (0, 1000)), ("responsiveness", 15, (0, 100)), ("csat", 15, (1, 5)), ("nps", 15, (0, 10))]
HEALTH_BANDS = [("healthy", 70), ("at risk", 40), ("critical", 0)]


# --- Truth, computed back from the bytes written ---------------------------

def r2(x):
    return None if x is None else round(x + 0.0, 2)


def pct(a, b):
    return r2(100.0 * a / b) if b else None


def mean(xs):
    return r2(sum(xs) / len(xs)) if xs else None


def internal_truth(files):
    """files: folder -> list of (name, bytes).  Everything is read back from the bytes with
    Python's own csv and json modules, the way an independent reader would."""
    import csv
    import io

    def in_week(d):
        return iso_week_label(d) == LAST_WEEK

    out = {"week": LAST_WEEK, "week_start": (LAST_DAY - timedelta(days=6)).isoformat(), "week_end": LAST_DAY.isoformat(),
           "timezone": "Europe/Rome", "locations": {}}
    per = {loc: {} for loc in LOC_ORDER}

    # Qualtrics
    answers = responses = previews = 0
    q1 = {loc: [] for loc in LOC_ORDER}
    q2 = {loc: [] for loc in LOC_ORDER}
    for _, data in files["aurora-qualtrics"]:
        assert data.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))
        tags = rows[0]
        assert rows[1][tags.index("ResponseId")] == "Response ID" and rows[2][0].startswith('{"ImportId"')
        ix = {t: i for i, t in enumerate(tags)}
        for row in rows[3:]:
            if row[ix["Status"]] in ("Survey Preview", "Survey Test", "Spam"):
                previews += 1
                continue
            responses += 1
            local = datetime.strptime(row[ix["RecordedDate"]], "%Y-%m-%d %H:%M:%S")
            loc = LOC_BY_DISPLAY[row[ix["Location"]]]
            answers += 1 + (row[ix["Q2"]] != "")
            if in_week(local.date()):
                q1[loc].append(int(row[ix["Q1"]]))
                if row[ix["Q2"]] != "":
                    q2[loc].append(int(row[ix["Q2"]]))
    for loc in LOC_ORDER:
        s = q1[loc]
        p = sum(1 for v in s if v >= 9)
        d = sum(1 for v in s if v <= 6)
        per[loc]["nps"] = {"value": r2(100.0 * p / len(s) - 100.0 * d / len(s)), "n": len(s), "promoters": p,
                           "passives": len(s) - p - d, "detractors": d}
        c = q2[loc]
        per[loc]["csat_pct"] = {"value": pct(sum(1 for v in c if v >= 4), len(c)), "n": len(c),
                                "top2": sum(1 for v in c if v >= 4)}
        per[loc]["csat_mean"] = {"value": mean(c), "n": len(c)}

    # Zendesk tickets
    tix, mets = {}, {}
    for _, data in files["aurora-zendesk-tickets"]:
        doc = json.loads(data.decode("utf-8"))
        for t in doc["tickets"]:
            tix[t["id"]] = t
        for m in doc["metric_sets"]:
            mets[m["ticket_id"]] = m
    assert set(tix) == set(mets)
    for loc in LOC_ORDER:
        fr, frb, res, resb, fcr_yes, solved, unresolved, created = [], [], [], [], 0, 0, 0, 0
        for tid in sorted(tix):
            t, m = tix[tid], mets[tid]
            field = [f["value"] for f in t["custom_fields"] if f["id"] == ZD_LOCATION_FIELD][0]
            at = datetime.strptime(t["created_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            if field != loc or not in_week(rome_date(at)):
                continue
            created += 1
            if m["reply_time_in_minutes"]["calendar"] is not None:
                fr.append(m["reply_time_in_minutes"]["calendar"])
                frb.append(m["reply_time_in_minutes"]["business"])
            full = m["full_resolution_time_in_minutes"]["calendar"]
            if full is not None and t["status"] in ("solved", "closed"):
                solved += 1
                res.append(full)
                resb.append(m["full_resolution_time_in_minutes"]["business"])
                fcr_yes += m["reopens"] == 0 and m["replies"] <= 1
            else:
                unresolved += 1
        per[loc]["first_response_time"] = {"value": mean(fr), "n": len(fr), "business": mean(frb),
                                           "tickets_created": created, "not_replied": created - len(fr)}
        per[loc]["resolution_time"] = {"value": mean(res), "n": len(res), "business": mean(resb),
                                       "unresolved": unresolved}
        per[loc]["fcr_pct"] = {"value": pct(fcr_yes, solved), "n": solved, "resolved_first_contact": fcr_yes}

    # Zendesk satisfaction
    good = bad = offered = stored = unoffered = 0
    for _, data in files["aurora-zendesk-csat"]:
        for r in json.loads(data.decode("utf-8"))["satisfaction_ratings"]:
            if r["score"] == "unoffered":
                unoffered += 1
                continue
            stored += 1
            at = datetime.strptime(r["created_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            if in_week(rome_date(at)):
                good += r["score"] == "good"
                bad += r["score"] == "bad"
                offered += r["score"] == "offered"
    out["css_pct"] = {"value": pct(good, good + bad), "n": good + bad, "good": good, "bad": bad,
                      "offered_unanswered": offered}

    # Customer counts
    crow = 0
    for _, data in files["aurora-customers"]:
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
        crow += len(rows)
        for r in rows:
            s, e, n, l = (int(r[k]) for k in ("start", "end", "new", "lost"))
            assert e == s - l + n and int(r["sales"]) <= int(r["visits"])
            if r["period"] == LAST_WEEK:
                v, sa = int(r["visits"]), int(r["sales"])
                per[r["location"]]["churn_pct"] = {"value": pct(s - e, s), "start": s, "end": e, "new": n, "lost": l}
                per[r["location"]]["retention_pct"] = {"value": pct(e - n, s), "start": s, "end": e, "new": n}
                per[r["location"]]["conversion_pct"] = {"value": pct(sa, v), "visits": v, "sales": sa}

    # Health (model = sources.yml `health:`), as of the last week's Sunday
    hrow = 0
    scores = {loc: [] for loc in LOC_ORDER}
    for _, data in files["aurora-health"]:
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
        hrow += len(rows)
        for r in rows:
            num = den = 0.0
            for name, weight, rule in HEALTH_MODEL:
                v = r[name]
                if v == "":
                    continue
                if isinstance(rule, dict):
                    c = rule[v.lower()]
                else:
                    lo, hi = rule
                    c = max(0.0, min(100.0, (float(v) - lo) / (hi - lo) * 100.0))
                num += weight * c
                den += weight
            scores[r["location"]].append(num / den)
    for loc in LOC_ORDER:
        s = scores[loc]
        bands = {name: 0 for name, _ in HEALTH_BANDS}
        for v in s:
            bands[next(name for name, frm in HEALTH_BANDS if v >= frm)] += 1
        per[loc]["health_score"] = {"value": mean(s), "n": len(s), "bands": bands, "as_of": LAST_DAY.isoformat()}

    out["locations"] = per
    out["counts"] = {"qualtrics_answers": answers, "qualtrics_responses": responses,
                     "qualtrics_preview_rows": previews, "zendesk_ratings": stored, "zendesk_unoffered": unoffered,
                     "tickets": len(tix), "customer_rows": crow, "health_rows": hrow}
    return out


def write_internal(w, outdir):
    master = random.Random(INTERNAL_SEED)
    sub = {name: random.Random(master.getrandbits(64)) for name in
           ["qualtrics", "tickets", "ratings", "customers", "health"]}
    files = {s: [] for s in INTERNAL_SOURCES}

    def put(folder, name, data):
        w.write(folder, INTERNAL_CAPTURE, name, data)
        files[folder].append((name, data))

    responses = gen_qualtrics(sub["qualtrics"])
    for r in responses:
        if r["comment"] and TRIGGERS.search(r["comment"]):
            raise SystemExit("trigger word in a survey comment: %r" % r["comment"])
    put("aurora-qualtrics", "Aurora_Bistrot_-_Feedback_visita_November_23__2026_07.00.csv", qualtrics_file(responses))
    tickets = gen_tickets(sub["tickets"])
    for name, data in ticket_pages(tickets):
        put("aurora-zendesk-tickets", name, data)
    put("aurora-zendesk-csat", "satisfaction_ratings.json", ratings_file(gen_ratings(sub["ratings"], tickets)))
    put("aurora-customers", "customers-weekly.csv", customers_file(gen_customers(sub["customers"])))
    put("aurora-health", "customer-health.csv", health_file(gen_health(sub["health"])))
    truth = internal_truth(files)
    truth["captures"] = {s: sorted(w.files[s]) for s in INTERNAL_SOURCES}
    return truth


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

SOURCES = ["aurora-appstore-it", "aurora-play", "aurora-trustpilot", "aurora-amazon-it",
           "vesuvio-tripadvisor", "lupa-tripadvisor", "gbp-milano", "gbp-roma", "gbp-napoli"]


def stamp(t):
    return t.strftime("%Y%m%dT%H%M%SZ")


class Writer:
    def __init__(self, outdir):
        self.outdir = outdir
        self.files = {s: [] for s in SOURCES + INTERNAL_SOURCES}

    def write(self, source, cap, basename, data):
        name = "%s-%s-%s" % (stamp(cap), hashlib.sha256(data).hexdigest()[:16], basename)
        path = os.path.join(self.outdir, source, name)
        with open(path, "wb") as f:
            f.write(data)
        self.files[source].append(name)
        return name


def check_triggers(all_reviews):
    """Urgent complaints must contain a trigger word; nothing else may."""
    for src, revs in all_reviews:
        for r in revs:
            texts = [r.title, r.text, r.extra.get("translation") or ""]
            if r.edit:
                texts += [r.edit[2], r.edit[3]]
            hit = any(TRIGGERS.search(t) for t in texts)
            if hit != (r.urgent is not None):
                raise SystemExit("trigger-word mismatch in %s review %s: %r" % (src, r.rid, texts))
            if r.reply and TRIGGERS.search(r.reply[1]):
                raise SystemExit("trigger word in a reply (%s %s)" % (src, r.rid))


def summarize(source, observations, reviews_by_id, deleted_id=None):
    """observations: list over captures (in time order) of lists of observed rows."""
    seen = {}
    order = []
    for cap_obs in observations:
        for o in cap_obs:
            if o["id"] not in seen:
                seen[o["id"]] = []
                order.append(o["id"])
            seen[o["id"]].append(o)
    rows = []
    replied = edited = 0
    for rid in order:
        obs = seen[rid]
        latest = obs[-1]
        contents = []
        for o in obs:
            c = (o["stars"], o["title"], o["text"])
            if c not in contents:
                contents.append(c)
        is_edited = len(contents) > 1
        has_reply = bool(latest["reply"])
        replied += has_reply
        edited += is_edited
        r = reviews_by_id[rid]
        rows.append({"id": rid, "rating": latest["stars"], "language": r.lang,
                     "created": iso_z(obs[0]["created"]), "urgent": r.urgent is not None,
                     "urgent_category": r.urgent, "edited": is_edited, "replied": has_reply,
                     "has_text": bool(latest["text"]), "deleted": rid == deleted_id,
                     "location": (LOCATIONS[r.location]["name"] if r.location in LOCATIONS else r.location)})
    rows.sort(key=lambda x: (x["created"], x["id"]))
    return {"distinct_reviews": len(order), "replied_reviews": replied, "edited_reviews": edited,
            "deleted_review_id": deleted_id, "urgent_reviews": sum(1 for x in rows if x["urgent"]),
            "reviews": rows}


README = """# Demo snapshots (fictional data)

Everything in this folder is generated by `scripts/gen_demo.py` (deterministic:
`python3 scripts/gen_demo.py snapshots` always produces the same bytes). The company
"Aurora Bistrot" (Milano - Brera, Roma - Trastevere, Napoli - Chiaia, plus an ordering
app), its competitors "Trattoria Vesuvio" and "Osteria Lupa", every reviewer, id and text
are invented. Reviews span 16 ISO weeks, Monday 2026-08-03 to Sunday 2026-11-22.

File names: `<CAPTURED>-<SHA16>-<ORIGINAL_BASENAME>`, CAPTURED = UTC capture time
`YYYYMMDDTHHMMSSZ`, SHA16 = first 16 hex digits of the file's sha256. Sorting the names
sorts by capture time.

| folder | imitates | captures |
|---|---|---|
| `aurora-appstore-it/` | App Store customer-reviews Atom feed, Italian storefront, page 1 (50 most recent). Feeds up to 2026-09-14 start with the app's own entry (no `im:rating`). | every 14 days, 2026-08-17 .. 2026-11-23 |
| `aurora-play/` | Google Play Console monthly reviews CSV: UTF-16LE + BOM, CRLF, RFC 4180 quoting. August uses the old 14-column header. Edited reviews reappear in the month of their last update. | 1st of the next month; November partial on 2026-11-23 |
| `aurora-trustpilot/` | Trustpilot Business "export reviews" CSV, UTF-8 + BOM, CRLF. Full export each time; one review disappears (removed by moderation) between the 2nd and 3rd export. | every 4 weeks |
| `aurora-amazon-it/` | Scraped amazon.it product reviews ("Sugo all'Amatriciana Aurora"), UTF-8, `;`, LF, Italian star/date texts. | 2026-10-05, 2026-11-23 |
| `vesuvio-tripadvisor/`, `lupa-tripadvisor/` | An analyst's spreadsheet export of TripAdvisor reviews: UTF-8 + BOM, `;`, CRLF, mixed date (`dd/mm/yyyy`, `14 ottobre 2026`) and rating (`★★★★☆`, `4/5`) formats. | 2026-11-23 |
| `gbp-milano/`, `gbp-roma/`, `gbp-napoli/` | Google Business Profile Takeout: `reviews.json` + paged `reviews-<token>.json`; star-only reviews without `comment`; "(Translated by Google)" blocks; one review repeated across two pages. | 2026-11-23 |
| `aurora-qualtrics/` | Qualtrics CSV export (choice-text statuses, numeric scores): UTF-8 + BOM, CRLF, every field quoted, three header rows (export tags, Italian question texts, `{"ImportId":…}` with `timeZone` Europe/Rome). Q1 = NPS 0-10 (+ `Q1_NPS_GROUP` 1/2/3), Q2 = CSAT 1-5 (empty when not shown), Q3 = comment, embedded data `Location` = Milano/Roma/Napoli. 15-30 responses per restaurant and week; two `Survey Preview` rows; one response at 00:2x on Monday 2026-11-16 (week 47 in Rome, week 46 in UTC); one comment with a line break. | 2026-11-23 |
| `aurora-zendesk-csat/` | Zendesk `GET /api/v2/satisfaction_ratings`, one page: `good`/`bad`/`offered`/`unoffered`. Surveys switched on 2026-11-02: offered 24 h after a solve, voice tickets unoffered; `created_at` = offered, `updated_at` = answered. No location. | 2026-11-23 |
| `aurora-zendesk-tickets/` | Zendesk `GET /api/v2/tickets.json?include=metric_sets`, offset pages of 100 (`next_page`/`previous_page`, `count` = all). Location = custom field 360001 (`milano`/`roma`/`napoli`, a few null). Business minutes on Mon-Sat 09:00-19:00 Rome. In the last week: one ticket reopened after its solve (status `open`, first resolution set, full resolution null), unreplied (`new`/`open`) and `pending` tickets, one created at 00:30 on Monday 2026-11-16 Rome time. | 2026-11-23 |
| `aurora-customers/` | Weekly customer counts: `period,location,start,end,new,lost,visits,sales`, UTF-8, LF; end = start − lost + new, next week's start = this week's end, sales ≤ visits. | 2026-11-23 |
| `aurora-health/` | Customer health signals: `customer_id,as_of,location,tenure,plan,interactions,spend,responsiveness,csat,nps`, 40 customers as of 2026-11-22, six cells empty. | 2026-11-23 |

`truth.json` is what the generator knows, for the tests: per folder the distinct reviews
across all captures, how many have a non-empty owner reply in their latest state, how many
were edited (same id, different rating/title/text between two captures: vote counts may grow
between captures without being an edit, and a GBP `updateTime` later than `createTime` is
not counted because there is one Takeout only), the deleted Trustpilot review, and per review
its id as the importer sees it (App Store entry id, Play Review Link, Trustpilot Review ID,
amazon review_id, competitor Id, GBP `name`), latest rating, language, creation time in UTC
(date-only sources: local midnight Europe/Rome), and whether it is an urgent complaint
(food_safety, fraud, legal_threat, data_leak, allergy). The story to find: Roma's ratings
drop in weeks 9-12 (slow service, a new manager) and recover.

`truth.json` → `internal` holds what the generator computes from the internal files it wrote
(read back with Python's csv and json modules), for the last ISO week (`week`, Monday to
Sunday in Europe/Rome) per location id: `nps` (%promoters 9-10 − %detractors 0-6 over Q1,
previews left out, by RecordedDate in Rome), `csat_pct` (Q2 in 4-5), `csat_mean`,
`first_response_time` (mean calendar minutes over tickets created that week with a reply),
`resolution_time` (mean calendar full-resolution minutes over the solved ones), `fcr_pct`
(solved with no reopen and at most one reply, over solved), `churn_pct` ((S − E)/S),
`retention_pct` ((E − N)/S), `conversion_pct` (sales/visits), `health_score` (the `health:`
model of sources.yml); company-wide `css_pct` (good/(good + bad) over ratings created that
week); and `counts` of what is stored: Qualtrics answers (Q1 answers + non-empty Q2 answers),
Zendesk ratings (all but unoffered), tickets, customer rows, health rows. Values are rounded to
2 decimals. Internal data is drawn from its own seed, so the review files do not depend on it.
Like the reviews, Roma's survey scores and reply times are worse in weeks 9-12; Milano is the
best of the three restaurants and Napoli the weakest.
"""


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: python3 scripts/gen_demo.py OUTDIR\n")
        return 2
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    for s in SOURCES + INTERNAL_SOURCES:
        p = os.path.join(outdir, s)
        if os.path.isdir(p):
            shutil.rmtree(p)
        os.makedirs(p)

    master = random.Random(SEED)
    sub = {name: random.Random(master.getrandbits(64)) for name in
           ["appstore", "play", "trustpilot", "amazon", "vesuvio", "lupa", "gbp", "gbpfiles"]}

    appstore = gen_appstore(sub["appstore"], TextGen(sub["appstore"]))
    play = gen_play(sub["play"], TextGen(sub["play"]))
    tp = gen_trustpilot(sub["trustpilot"], TextGen(sub["trustpilot"]))
    amazon = gen_amazon(sub["amazon"], TextGen(sub["amazon"]))
    vesuvio = gen_competitor(sub["vesuvio"], TextGen(sub["vesuvio"]),
                             [("Trattoria Vesuvio Napoli", "napoli", 60), ("Trattoria Vesuvio Roma", "roma", 40)],
                             MIX_VESUVIO)
    lupa = gen_competitor(sub["lupa"], TextGen(sub["lupa"]), [("Osteria Lupa Milano", "milano", 100)], MIX_LUPA)
    gbp = gen_gbp(sub["gbp"], TextGen(sub["gbp"]))
    grng = sub["gbp"]
    for r in gbp:
        r.rid = "accounts/%s/locations/%s/reviews/ChZDSUhNMG9nS0VJQ0FnSU%sEAE" % (
            GBP_ACCOUNT, GBP_LOCATION_IDS[r.location], rand_str(grng, B64URL[:62], 14))
    check_triggers([("appstore", appstore), ("play", play), ("trustpilot", tp), ("amazon", amazon),
                    ("vesuvio", vesuvio), ("lupa", lupa), ("gbp", gbp)])

    w = Writer(outdir)
    truth = {}

    obs = []
    for cap in appstore_captures():
        data, o = appstore_feed(appstore, cap)
        w.write("aurora-appstore-it", cap, "customerreviews-page1.xml", data)
        obs.append(o)
    truth["aurora-appstore-it"] = summarize("aurora-appstore-it", obs, {r.rid: r for r in appstore})

    obs = []
    for ym, cap in PLAY_MONTHS:
        data, o = play_file(play, ym, cap)
        w.write("aurora-play", cap, "reviews_reviews_%s_%04d%02d.csv" % (PACKAGE, ym[0], ym[1]), data)
        obs.append(o)
    truth["aurora-play"] = summarize("aurora-play", obs, {r.rid: r for r in play})

    obs = []
    for cap in TP_CAPTURES:
        data, o = trustpilot_file(tp, cap)
        w.write("aurora-trustpilot", cap, "reviews-export.csv", data)
        obs.append(o)
    deleted = [r.rid for r in tp if r.deleted is not None]
    truth["aurora-trustpilot"] = summarize("aurora-trustpilot", obs, {r.rid: r for r in tp}, deleted[0])

    obs = []
    for cap in AMAZON_CAPTURES:
        data, o = amazon_file(amazon, cap)
        w.write("aurora-amazon-it", cap, "amazon-reviews.csv", data)
        obs.append(o)
    truth["aurora-amazon-it"] = summarize("aurora-amazon-it", obs, {r.rid: r for r in amazon})

    comp_cap = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    for folder, revs in (("vesuvio-tripadvisor", vesuvio), ("lupa-tripadvisor", lupa)):
        data, o = competitor_file(revs, comp_cap)
        w.write(folder, comp_cap, "tripadvisor-export.csv", data)
        truth[folder] = summarize(folder, [o], {r.rid: r for r in revs})

    gbp_cap = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
    frng = sub["gbpfiles"]
    gbp_by_name = {r.rid: r for r in gbp}
    for loc in LOC_ORDER:
        folder = "gbp-" + loc
        o = []
        for name, data in gbp_files(frng, gbp, loc):
            w.write(folder, gbp_cap, name, data)
            for item in json.loads(data.decode("utf-8"))["reviews"]:
                r = gbp_by_name[item["name"]]
                o.append({"id": item["name"], "stars": r.stars, "title": "", "text": item.get("comment", ""),
                          "reply": item.get("reviewReply", {}).get("comment", ""), "created": r.created})
        truth[folder] = summarize(folder, [o], gbp_by_name)

    for s in SOURCES:
        truth[s]["captures"] = sorted(w.files[s])
    internal = write_internal(w, outdir)
    doc = {"generator": "scripts/gen_demo.py", "seed": SEED, "window_start": FIRST_DAY.isoformat(),
           "window_end": LAST_DAY.isoformat(), "roma_dip_weeks": list(ROMA_DIP_WEEKS),
           "deleted_trustpilot_review_id": deleted[0],
           "urgent_total": sum(truth[s]["urgent_reviews"] for s in SOURCES), "sources": truth,
           "internal": internal}
    with open(os.path.join(outdir, "truth.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    with open(os.path.join(outdir, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(README)
    return 0


if __name__ == "__main__":
    sys.exit(main())
