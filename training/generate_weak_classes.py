"""Write training/events/weak_{request,aid,cooperate,mobilize,contrast}.jsonl: authored sentences for the
PLOVER classes the coder recalled least well (REQUEST, AID, COOPERATE, MOBILIZE).

    python training/generate_weak_classes.py

Frames were written for Tidings from the PLOVER manual's definitions; slots are filled from small
lists with a fixed seed, so the files are reproducible.
- REQUEST: demands phrased with "must"/"should"/"has to" in reported speech, pressure on a party
  to call something off, lobbying or pushing for a step, resolutions demanding a step, people
  seeking refuge or asylum, demands set as a condition.
- AID: peacekeeping troops sent or stationed (military protection), borders opened to refugees
  and refugees taken in (asylum), evacuations, donations and funding, medical teams, training
  and equipment for another country's forces.
- COOPERATE: joint military exercises and war games, joint patrols and training, intelligence
  and judicial cooperation, joint programmes (single-country exercises are MOBILIZE).
- MOBILIZE: troops or police kept or placed on alert, forces reinforced or stepped up, troops
  massed, warships and weapons moved, single-country drills.
- contrast (RETREAT): captives released, the boundary of the new evacuation (AID) sentences.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

DIR = Path(__file__).resolve().parent / "events"
SEED = 2026

COUNTRIES = [("Japan", "Japanese"), ("Turkey", "Turkish"), ("Germany", "German"), ("India", "Indian"),
             ("Norway", "Norwegian"), ("Qatar", "Qatari"), ("Mexico", "Mexican"), ("Kenya", "Kenyan"),
             ("South Korea", "South Korean"), ("Algeria", "Algerian"), ("Chile", "Chilean"),
             ("Indonesia", "Indonesian"), ("Poland", "Polish"), ("Egypt", "Egyptian"), ("Ghana", "Ghanaian"),
             ("Vietnam", "Vietnamese"), ("Peru", "Peruvian"), ("Sweden", "Swedish"), ("Morocco", "Moroccan"),
             ("Pakistan", "Pakistani"), ("Canada", "Canadian"), ("Uganda", "Ugandan"), ("Greece", "Greek"),
             ("Thailand", "Thai"), ("Senegal", "Senegalese"), ("Romania", "Romanian"), ("Jordan", "Jordanian")]
TROUBLE = [("Mali", "Malian"), ("South Sudan", "South Sudanese"), ("Somalia", "Somali"), ("Lebanon", "Lebanese"),
           ("the Central African Republic", "Central African"), ("Haiti", "Haitian"), ("Kosovo", "Kosovar"),
           ("Darfur", "Darfuri"), ("Cyprus", "Cypriot"), ("Yemen", "Yemeni"), ("Myanmar", "Burmese"),
           ("Sudan", "Sudanese"), ("Syria", "Syrian"), ("Afghanistan", "Afghan"), ("Libya", "Libyan")]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday",
        "late on Tuesday", "earlier this week", "last month", "on Sunday evening", "in March", "in late October"]
NUM = ["120", "250", "300", "450", "600", "800", "1,200", "1,500", "2,000", "3,400", "5,000"]
MONEY = ["$12 million", "$40 million", "$85 million", "$150 million", "$1.2 billion", "30 million euros",
         "200 million euros", "2.5 billion yen", "$7.5 million", "$600,000"]
OFFICIAL = ["Foreign Minister", "Prime Minister", "President", "Defence Minister", "Interior Minister",
            "foreign ministry spokesman", "ambassador to the United Nations", "opposition leader"]
GROUPS = ["dockworkers", "teachers", "doctors", "truck drivers", "port pilots", "miners", "nurses", "rail workers",
          "farmers", "bus drivers"]
REGION = ["the border", "the northern provinces", "the capital", "the disputed coast", "the eastern region",
          "the main ports", "the oil fields", "the frontier districts"]


def frames_request():
    return [
        ("{org} says {c} must allow independent observers to watch the election.", "0255"),
        ("{c} insists {c2} must pay for the damage its tanker caused to the coral reef.", "100"),
        ("Both sides must return to talks, the {a} {official} said after meeting his counterpart in {town}.", "0241"),
        ("The {a} opposition says the electoral commission must be replaced before any new vote.", "1042"),
        ("Any new government in {trouble} must include women and minorities, {c} told the conference.", "1042"),
        ("{c} believes {c2} should hand over the suspects in the embassy attack to an international court.", "100"),
        ("{a} {official} said on {dayw} that {c2} must withdraw its troops from {trouble}.", "1056"),
        ("{c} wants {c2} to halt the shelling of villages near {trouble}, its envoy told the Security Council.", "1056"),
        ("The {a} government insisted that {c2} must first release the detained sailors before any talks.", "1053"),
        ("The rebels have to hand in their weapons first, the {a} {official} told reporters in {town}.", "1056"),
        ("Aid agencies told the {a} authorities they have to guarantee the safety of relief staff before returning.", "100"),
        ("Opposition leader {name} said the government must hold fresh elections within six months.", "1042"),
        ("{c}'s {official} said the United Nations must act quickly to end the fighting in {trouble}.", "1056"),
        ("{c} wants {c2} to open its nuclear plants to inspectors and says the sanctions stay until it does.", "105"),
        ("{org} said the warring parties in {trouble} should allow humanitarian convoys through without delay.", "0255"),
        ("A cross-party group of {a} MPs tabled a motion urging ministers to suspend arms exports to {c2}.", "100"),
        ("Lawmakers in {c} are considering a motion calling on the cabinet to recall its ambassador from {c2}.", "020"),
        ("{a} officials are leaning on the union of {group} to drop its threat of an indefinite stoppage.", "1052"),
        ("Ministers met union leaders {day} and told the {group} to go back to work while talks continue.", "1052"),
        ("Police in {town} pressured the {group} to end their sit-in outside the governor's office.", "1052"),
        ("Mediators from {org} leaned on rebel commanders to accept a truce before the harvest, diplomats said.", "1056"),
        ("{c} is lobbying {c2} to extradite the former minister wanted on corruption charges.", "028"),
        ("Families fleeing {trouble} are queuing at the {a} consulate hoping to be granted protection.", "0233"),
        ("More than {n} people from {trouble} applied for asylum in {c} last year, the migration agency said.", "0233"),
        ("A group of {ta} soldiers crossed into {c} {day} and asked for political asylum.", "0233"),
        ("The tribal elders said the oil company has to pay {money} in compensation before the pipeline can reopen.", "100"),
        ("The militia said it would not hand back the seized town until its fighters were granted amnesty.", "105"),
        ("{c} has asked {c2} for emergency food aid after the drought ruined its harvest.", "0233"),
        ("The {a} government appealed {day} for international help to fight wildfires in the south.", "0233"),
        ("{c} urged {c2} to return to the negotiating table over the disputed islands.", "0241"),
        ("{a} {official} called on both sides in {trouble} to respect the truce.", "0256"),
        ("{c} formally asked {c2} to repatriate {money} that a deposed ruler is accused of stashing abroad.", "100"),
        ("The {a} central bank governor said the government must cut spending to secure the IMF loan.", "1011"),
        ("{c} demanded {day} that {c2} pay compensation to the families of the fishermen killed at sea.", "100"),
        ("There can be no military solution in {trouble} and foreign troops have to leave, the {a} foreign ministry said.", "1056"),
        ("Human rights groups are urging {c} to release the jailed journalists before the summit.", "0253"),
        ("The {a} {official} insisted that {c2} should stop interfering in his country's internal affairs.", "100"),
        ("{c} requested that the United Nations send observers to monitor the vote.", "0234"),
    ]


def frames_aid():
    return [
        ("{n} {a} peacekeepers arrived in {trouble} {day} to join the UN mission there.", "074"),
        ("The {a} cabinet approved the deployment of an engineering company to the peacekeeping operation in {trouble}.", "074"),
        ("{c} will keep its peacekeeping force in {trouble} until the peace deal is fully implemented, officials said.", "074"),
        ("{c} has let in {n} refugees from {trouble} since the border crossings were reopened to them.", "075"),
        ("{a} army medics vaccinated children in camps for the displaced in {trouble} {day}.", "073"),
        ("{c} sent military advisers and ammunition to help the {ta} army fight the insurgency.", "072"),
        ("A {a} battalion will serve under the UN flag in {trouble} from next month, guarding camps for displaced people.", "074"),
        ("{c} has contributed engineers and medics to the African Union stabilisation mission in {trouble}.", "074"),
        ("{a} blue helmets patrol the buffer zone in {trouble} to keep the two sides apart.", "074"),
        ("{c} extended the mandate of its peacekeepers in {trouble} for another year {day}.", "074"),
        ("{a} troops serving with the UN mission in {trouble} protect civilians sheltering at their base.", "074"),
        ("{c}'s peacekeepers in {trouble} escorted aid convoys to camps for displaced families.", "074"),
        ("Refugee camps run by {c} now house families who crossed the frontier to escape the war in {trouble}.", "075"),
        ("{c} has taken in more than {n} refugees from {trouble} since the war began.", "075"),
        ("{c} resettled {n} refugees from {trouble} under a United Nations programme last year.", "075"),
        ("{c} granted asylum to an opposition activist from {trouble} who had fled arrest.", "075"),
        ("The {a} embassy sheltered the dissident journalist for three months before he left the country.", "075"),
        ("{c} evacuated {n} of its citizens and other foreigners from {trouble} by air and sea.", "073"),
        ("{a} navy ships carried {n} stranded foreigners out of the besieged port, the defence ministry said.", "073"),
        ("A {money} grant from {c} is paying for new clinics and wells across rural {trouble}.", "071"),
        ("{c} doubled its humanitarian budget for {trouble} as the cholera outbreak spread.", "071"),
        ("Over the past decade {c} has channelled {money} in development aid to {trouble}, its embassy said.", "071"),
        ("The {a} government covered the cost of food and schooling for refugee children from {trouble}.", "073"),
        ("{a} citizens and companies have wired {money} to a relief fund for flood victims in {trouble}.", "071"),
        ("{c} disbursed {money} to the {ta} government {day} to keep its hospitals running.", "071"),
        ("A {a} field hospital staffed by army surgeons began treating the wounded in {trouble} {day}.", "073"),
        ("{c} flew in isolation tents, protective suits and two mobile laboratories to help contain the virus in {trouble}.", "073"),
        ("The {a} aid agency provided tents and shelter materials to {n} families after the earthquake.", "073"),
        ("The World Food Programme handed out rations to {n} displaced people in {trouble} {day}.", "073"),
        ("{c} supplied attack helicopters and spare parts to the {ta} air force under a military aid package.", "072"),
        ("{c} delivered armoured vehicles and night-vision equipment to the {ta} army {day}.", "072"),
        ("{c} handed two patrol boats to the {ta} coast guard at a ceremony {day}.", "072"),
        ("{a} instructors are training {ta} police officers in counter-terrorism at a base outside the capital.", "072"),
        ("A shipment of {n} tonnes of wheat donated by {c} arrived at the port serving {trouble}.", "073"),
        ("{c} wrote off {money} of debt owed by {c2} to help it recover from the crisis.", "071"),
        ("The World Bank approved a {money} loan to {c} to rebuild roads damaged by the cyclone.", "071"),
        ("{c} airlifted vaccines and cold-chain equipment to {trouble} to contain the measles outbreak.", "073"),
    ]


def frames_cooperate():
    return [
        ("{a} and {a2} navies wrapped up war games in the {sea} {day}.", "062"),
        ("{c} is hosting war games with troops from {c2} and four other allies this month.", "062"),
        ("Soldiers from {c} and {c2} practised urban combat side by side in a joint drill near {town}.", "062"),
        ("{c} and {c2} will set up a combined battalion for future peace missions, their defence chiefs said.", "062"),
        ("{a} and {a2} troops have been training together for peacekeeping duties at a camp in {town}.", "062"),
        ("Marines from {c} and {c2} stormed a beach together in a combined amphibious exercise {day}.", "062"),
        ("{a} paratroopers jumped alongside {a2} commandos during the Desert Falcon manoeuvres, both armies said.", "062"),
        ("{c} and {c2} are rehearsing a combined rescue-and-evacuation mission with their armies this week.", "062"),
        ("{a} and {a2} warships began a week of joint naval drills in the {sea}.", "062"),
        ("Troops from {c}, {c2} and the United States took part in a joint airborne exercise {day}.", "062"),
        ("{a} and {a2} border guards started joint patrols along the river to stop smugglers.", "062"),
        ("Air forces of {c} and {c2} carried out a joint air-defence drill over the {sea}.", "062"),
        ("{a} and {a2} officers are attending a shared staff college course run by both defence ministries.", "062"),
        ("{c} and {c2} have been sharing intelligence on militant groups operating along their border.", "064"),
        ("Police from {c} and {c2} carried out a joint operation that broke up a trafficking ring.", "063"),
        ("Prosecutors in {c} and {c2} set up a joint investigation team into the money-laundering scheme.", "063"),
        ("{c} extradited two suspects to {c2} under a bilateral judicial cooperation treaty.", "063"),
        ("{c} and {c2} began building a cross-border power line, a joint project funded by both governments.", "061"),
        ("{c} and the World Health Organization are jointly running a vaccination drive in {trouble}.", "061"),
        ("{a} and {a2} scientists are working together on a joint satellite launch planned for next year.", "061"),
        ("{c} and {c2} coordinated their positions before the climate talks, diplomats said.", "060"),
        ("The coast guards of {c} and {c2} have been cooperating closely to rescue migrants at sea.", "060"),
        ("{a} fighter jets now fly combined air-policing missions with {a2} pilots over the Baltic states.", "062"),
        ("{a} and {a2} special forces conducted joint counter-terrorism training {day}.", "062"),
        ("Engineers from {c} and {c2} jointly inspected the dam before the rainy season.", "061"),
        ("{c} and {c2} conducted a first joint missile-defence test {day}, linking their radars.", "062"),
        ("The navies of {c} and {c2} wrapped up a ten-day joint exercise off the coast {day}.", "062"),
        ("Customs services of {c} and {c2} are sharing passenger data to track foreign fighters.", "064"),
        ("{c} and {c2} operate a joint command centre to monitor the shared border.", "062"),
    ]


def frames_mobilize():
    return [
        ("Soldiers along {region} have remained on alert for a week since {c2} test-fired rockets.", "152"),
        ("The {a} defence ministry said troops would stay on alert until the election results are announced.", "152"),
        ("{a} forces went on alert {day} after reports of rebel fighters massing near {region}.", "152"),
        ("Units of the {a} army in {town} remain on alert, a military spokesman said {day}.", "152"),
        ("{c} has beefed up its forces in {region} and sent an additional brigade to the area.", "154"),
        ("The {a} navy dispatched a destroyer group to {region} {day} as a warning to {c2}.", "150"),
        ("The {a} army kept its border brigades on standby {day} as fighting raged across the frontier.", "152"),
        ("The {a} army raised the readiness of its garrisons in {region} to the highest level {day}.", "152"),
        ("{c} put its air-defence units on full combat alert as a standoff with {c2} deepened.", "152"),
        ("Extra {a} units stayed in position near {region} with orders to be ready at an hour's notice.", "152"),
        ("The {a} army put its units on {region} on combat readiness after the border clash.", "152"),
        ("Thousands of {a} riot police were on standby in {town} ahead of the opposition rally {day}.", "151"),
        ("The {a} interior ministry ordered all police stations in {town} onto a state of heightened readiness.", "151"),
        ("{c} poured additional armoured units into {town} after rebels seized a police station.", "154"),
        ("The {a} army reinforced its positions along {region} with tanks and artillery.", "154"),
        ("{c} stepped up its military presence in {region} after {c2} moved troops nearby.", "154"),
        ("{c} massed thousands of troops near its frontier with {c2}, satellite images showed.", "154"),
        ("{c} called up {n} reservists {day} as tensions rose with {c2}.", "154"),
        ("The {a} government deployed extra riot police to {town} ahead of the disputed vote.", "153"),
        ("{c} sent two warships and a submarine into the {sea} as a show of force.", "150"),
        ("{c} moved air-defence batteries to {region} {day}, the defence ministry said.", "150"),
        ("The {a} navy held live-fire drills in the {sea} a day after {c2}'s warning.", "150"),
        ("{c} staged large-scale military exercises near its border with {c2} {day}.", "150"),
        ("{c} test-fired a ballistic missile into the sea in a show of military strength.", "150"),
        ("{a} fighter jets flew patrols over {region} after the government raised its alert level.", "152"),
        ("{c} has put its armed forces on a war footing after {c2} closed the border.", "152"),
        ("Security forces in {town} were beefed up with {n} extra police officers before the holiday.", "153"),
        ("The {a} military has boosted its troop numbers along {region} to {n}, officials said.", "154"),
        ("The {a} coast guard was ordered to increase patrols around the disputed islands.", "150"),
        ("{c} mobilized {n} national guard troops in {town} after days of unrest.", "154"),
    ]


def frames_contrast():
    """Release of captives is RETREAT (PLOVER 'release'), not AID, even when they are flown home."""
    return [
        ("{n} {ta} prisoners were freed by the rebels {day} and flown home aboard a {a} plane.", "0841"),
        ("Two {a} aid workers held for months in {trouble} have been released by their captors, {c}'s foreign ministry said.", "0841"),
        ("The militia released the {a} journalists it had seized in {trouble}, a mediator said {day}.", "0841"),
        ("{c} freed {n} detained fishermen from {c2} and handed them over at the maritime border.", "0841"),
        ("Four {a} hostages were set free in {trouble} after weeks of negotiations, officials said.", "0841"),
        ("The {ta} authorities released the detained {a} sailors {day} and allowed their ship to leave port.", "0841"),
    ]


SEAS = ["Black Sea", "South China Sea", "Baltic Sea", "Arabian Sea", "Gulf of Guinea", "Red Sea",
        "Mediterranean", "Sea of Japan"]
TOWNS = ["the capital", "Mombasa", "Karachi", "Izmir", "Surabaya", "Gdansk", "Alexandria", "Kumasi",
         "Valparaiso", "Da Nang", "Tangier", "Arequipa", "Thessaloniki", "Chiang Mai"]
NAMES = ["Amina Diallo", "Rafael Ortega", "Kofi Mensah", "Ilse Brandt", "Hamid Karimi", "Lena Nowak",
         "Tran Van Minh", "Ayse Demir"]
ORGS = ["The United Nations", "The African Union", "The European Union", "The Arab League", "The Red Cross",
        "ASEAN", "The UN Security Council"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Sunday"]

TYPES = {"request": "REQUEST", "aid": "AID", "cooperate": "COOPERATE", "mobilize": "MOBILIZE", "contrast": "RETREAT"}
FRAMES = {"request": frames_request, "aid": frames_aid, "cooperate": frames_cooperate, "mobilize": frames_mobilize,
          "contrast": frames_contrast}
PER_FRAME = {"request": 3, "aid": 3, "cooperate": 4, "mobilize": 4, "contrast": 4}


def main() -> int:
    rng = random.Random(SEED)

    def fill(frame: str) -> str:
        (c1, a1), (c2, a2) = rng.sample(COUNTRIES, 2)
        tc, ta = rng.choice(TROUBLE)
        text = frame.format(c=c1, a=a1, c2=c2, a2=a2, trouble=tc, ta=ta, day=rng.choice(DAYS), n=rng.choice(NUM),
                            money=rng.choice(MONEY), official=rng.choice(OFFICIAL), group=rng.choice(GROUPS),
                            region=rng.choice(REGION), sea=rng.choice(SEAS), town=rng.choice(TOWNS),
                            name=rng.choice(NAMES), org=rng.choice(ORGS), dayw=rng.choice(WEEKDAYS))
        return text[0].upper() + text[1:]

    for key, type_ in TYPES.items():
        rows, seen = [], set()
        for frame, cameo in FRAMES[key]():
            for _ in range(PER_FRAME[key]):
                text = fill(frame)
                if text not in seen:
                    seen.add(text)
                    rows.append({"text": text, "cameo": cameo, "type": type_, "mode": "", "source": "",
                                 "target": "", "status": "current"})
        out = DIR / f"weak_{key}.jsonl"
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{len(rows)} sentences -> {out.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
