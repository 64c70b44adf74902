"""Write training/events/boundary_emergency_crime.jsonl: authored sentences on the line between
emergency work or ordinary crime (no political event) and their political counterparts.

    python training/generate_emergency_crime.py

Frames were written for Tidings; slots are filled from small lists with a fixed seed, so the
file is reproducible. Non-events: rescue and relief with no state actor or at home, fire and
ambulance crews, pilots and ships in distress, police work on ordinary crime (fraud, counterfeit
goods, trafficking, gang violence, private threats, press briefings), local trading rules in an
outbreak. Political counterparts: a foreign state's rescue team, a state of emergency over
unrest, arrests of opposition figures, militant grenade attacks, a government's threats.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent / "events" / "boundary_emergency_crime.jsonl"
SEED = 2021

TOWNS = ["Tromso", "Mbale", "Coimbra", "Kisumu", "Arequipa", "Bacolod", "Sfax", "Daugavpils", "Pleven",
         "Rajshahi", "Temuco", "Bulawayo", "Osijek", "Tabriz", "Iloilo", "Kumasi", "Salta", "Gyor",
         "Nakuru", "Kota Bharu", "Cuenca", "Mwanza", "Ploiesti", "Sylhet", "Bitola", "Hue", "Surat",
         "Ibadan", "Chiclayo", "Lodz"]
NUM = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "eleven", "a dozen", "14", "17",
       "23", "31", "40"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday",
        "late on Tuesday", "early on Friday", "overnight", "on Sunday morning", "this week"]
GOODS = ["handbags", "perfume", "car parts", "mobile phones", "cigarettes", "medicines", "cosmetics",
         "sports shoes", "watches", "alcohol", "cooking oil", "pesticides"]
WHO_RESCUE = ["Rescue workers", "Volunteer divers", "Firefighters", "Mountain rescue teams",
              "Lifeguards", "Red Cross volunteers", "Paramedics", "Search and rescue crews",
              "Local fishermen", "Emergency crews"]
SITE = ["a collapsed house", "a flooded basement", "the rubble of a five-storey building", "a burning bus",
        "an overturned ferry", "a partially collapsed mine shaft", "a ravine", "a capsized fishing boat",
        "a burning warehouse", "a landslide that buried several homes"]
HAZARD = ["a gas leak", "a chlorine leak", "an oxygen tank leak", "a chemical spill", "a fuel tanker fire",
          "a blaze at a textile factory", "a boiler explosion", "a fire at a fireworks depot",
          "a dam overflow", "a diesel leak"]
DRUG = ["cocaine", "heroin", "methamphetamine pills", "cannabis", "counterfeit banknotes", "smuggled cigarettes"]
CRIME = ["a string of burglaries", "a car-theft ring", "an online investment scam", "a pension fraud",
         "the robbery of a jewellery shop", "a human-trafficking network", "a counterfeit medicine operation",
         "an illegal betting syndicate", "the theft of copper cable", "a cattle-rustling gang"]
COUNTRIES = [("Japan", "Japanese"), ("Turkey", "Turkish"), ("Germany", "German"), ("India", "Indian"),
             ("Norway", "Norwegian"), ("Qatar", "Qatari"), ("Mexico", "Mexican"), ("Kenya", "Kenyan"),
             ("South Korea", "South Korean"), ("Algeria", "Algerian"), ("Chile", "Chilean"),
             ("Indonesia", "Indonesian"), ("Poland", "Polish"), ("Egypt", "Egyptian")]

NONE_FRAMES = [
    "{rescuer} pulled {n} people from {site} in {town} {day}, the fire department said.",
    "{rescuer} were rushed to {site} outside {town} and freed {n} trapped workers.",
    "Relief and rescue work continued {day} in villages around {town} after {hazard}.",
    "A team of fire brigade personnel was rushed in to contain {hazard} near a hospital in {town}.",
    "Firefighters brought {hazard} under control after a four-hour battle, and nobody was hurt.",
    "Ambulances ferried {n} injured passengers to hospitals in {town} after a bus left the road {day}.",
    "The pilot of a cargo plane declared an emergency shortly after take-off from {town} and returned safely.",
    "The crew of a passenger jet declared an emergency over {town} after smoke filled the cabin.",
    "The captain of a trawler issued a distress call {day} and the crew was winched to safety.",
    "Rescue efforts were hampered by heavy rain as divers searched for {n} missing fishermen off {town}.",
    "Volunteers handed out food, blankets and drinking water to families displaced by {hazard} in {town}.",
    "A local charity distributed relief packages to {n} hundred households in flood-hit districts of {town}.",
    "Residents of {town} were evacuated {day} after {hazard} spread fumes over the neighbourhood.",
    "Hospital staff in {town} evacuated {n} patients when {hazard} forced the closure of two wards.",
    "{n} miners were rescued alive from {site} in {town} after two days underground.",
    "The coast guard rescued {n} tourists whose boat ran aground off {town} {day}.",
    "Rescue and relief operations were launched in {town} after {hazard} injured {n} people.",
    "Municipal workers and volunteers cleared mud from the streets of {town} after the river burst its banks.",
    "Police in {town} arrested {n} people suspected of running {crime}, a spokesman said {day}.",
    "Police said they recovered stolen property worth $300,000 after dismantling {crime} in {town}.",
    "Customs officers at the port of {town} seized 2,000 boxes of counterfeit {goods} labelled as luxury brands.",
    "Officers seized {drug} worth an estimated $2 million from a lorry stopped on the highway near {town}.",
    "Police forces in {town} raided seven workshops and seized counterfeit {goods} {day}.",
    "The coast guard detained {n} people smugglers and the migrants they were carrying off {town}.",
    "Border guards near {town} intercepted a van carrying {n} migrants and arrested the driver on smuggling charges.",
    "A police spokesman in {town} is expected to provide further details on the investigation {day}.",
    "Investigators will provide more information about {crime} at a news conference in {town}.",
    "Police said the suspects in {crime} would appear before a magistrate in {town} {day}.",
    "{n} people were killed in a grenade explosion in {town} that police blamed on a feud between rival gangs.",
    "A grenade thrown during a fight between two criminal gangs injured {n} people at a bar in {town}.",
    "Two men were shot dead outside a nightclub in {town} in what police called a settling of scores between drug gangs.",
    "Police are investigating a man who threatened his neighbour with a knife during a parking dispute in {town}.",
    "One of the men threatened to burn down the shop if the owner called the police, the court in {town} heard.",
    "A former employee threatened to kill his manager in a series of text messages, prosecutors in {town} said.",
    "Investigators treated the assault on a student near a lake outside {town} as a hate crime.",
    "A court in {town} sentenced a man to eight years in prison for {crime}.",
    "Local authorities in {town} banned the sale of alcohol in several districts during the cholera outbreak.",
    "The city council of {town} ordered bars and restaurants to close early as flu cases rose.",
    "Health officials in {town} banned street vendors from selling cut fruit amid a typhoid outbreak.",
    "Authorities in {town} suspended the sale of fireworks after a warehouse fire killed {n} people.",
    "{n} people died of alcohol poisoning in {town} after drinking bootleg liquor, the health ministry said.",
    "Traders in {town} closed their stalls after the municipality banned the sale of {goods} without a licence.",
]

POLITICAL_FRAMES = [
    ("{country} sent a team of rescuers and sniffer dogs to help earthquake victims in {country2}.", "073", "AID"),
    ("The {adj} government flew tents, blankets and medicines to flood-hit provinces of {country2}.", "073", "AID"),
    ("{country} dispatched a navy ship with relief supplies to {country2} after the cyclone.", "073", "AID"),
    ("The {adj} army rescued {n} {adj2} fishermen whose boat sank in disputed waters.", "073", "AID"),
    ("The government of {country} declared a state of emergency in {town} after days of anti-government riots.", "1724", "COERCE"),
    ("The {adj} president imposed a curfew on {town} after protesters stormed the regional parliament.", "1723", "COERCE"),
    ("{adj} police arrested {n} opposition activists in {town} ahead of a banned rally.", "173", "COERCE"),
    ("{adj} security forces detained the leader of the main opposition party at his home in {town}.", "173", "COERCE"),
    ("The {adj} coast guard seized a {adj2} fishing vessel and detained its crew for fishing in its waters.", "171", "COERCE"),
    ("{adj} police raided the offices of an independent newspaper in {town} and seized its computers.", "171", "COERCE"),
    ("Militants threw a grenade at a police checkpoint in {town}, killing {n} officers.", "190", "ASSAULT"),
    ("Suspected insurgents hurled a grenade into an army patrol in {town} {day}, wounding {n} soldiers.", "190", "ASSAULT"),
    ("Rebels ambushed a military convoy near {town} and killed {n} soldiers.", "190", "ASSAULT"),
    ("The {adj} defence minister threatened to strike rebel camps across the border in {country2}.", "130", "THREATEN"),
    ("{country} threatened to expel {adj2} diplomats if the embassy did not hand over the suspects.", "130", "THREATEN"),
    ("The government of {country} banned the main opposition party and froze its assets.", "172", "COERCE"),
    ("{country} banned imports of {goods} from {country2} in a widening trade dispute.", "163", "SANCTION"),
    ("The {adj} army deployed troops to {town} to break up the blockade by striking miners.", "154", "MOBILIZE"),
    ("{country} mobilised thousands of reservists and moved artillery to its border with {country2}.", "154", "MOBILIZE"),
    ("{adj} and {adj2} rescue teams worked together to search for survivors after the quake, the two governments said.", "060", "COOPERATE"),
]


def main() -> int:
    rng = random.Random(SEED)
    rows = []

    def fill(frame: str) -> str:
        (c1, a1), (c2, a2) = rng.sample(COUNTRIES, 2)
        text = frame.format(rescuer=rng.choice(WHO_RESCUE), site=rng.choice(SITE), town=rng.choice(TOWNS),
                            day=rng.choice(DAYS), n=rng.choice(NUM), hazard=rng.choice(HAZARD),
                            goods=rng.choice(GOODS), drug=rng.choice(DRUG), crime=rng.choice(CRIME),
                            country=c1, adj=a1, country2=c2, adj2=a2)
        return text[0].upper() + text[1:]

    seen = set()
    for frame in NONE_FRAMES:
        for _ in range(8):
            text = fill(frame)
            if text not in seen:
                seen.add(text)
                rows.append({"text": text, "cameo": "", "type": "NONE", "mode": "", "source": "", "target": "",
                             "status": "current"})
    for frame, cameo, type_ in POLITICAL_FRAMES:
        for _ in range(7):
            text = fill(frame)
            if text not in seen:
                seen.add(text)
                rows.append({"text": text, "cameo": cameo, "type": type_, "mode": "", "source": "", "target": "",
                             "status": "current"})
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} sentences -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
