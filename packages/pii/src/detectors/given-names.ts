import { commonWords } from './common-words';

/**
 * Given names from many languages, written in-house, lower case and without accents (as logins write them). A login
 * is very often a person's given name joined to a surname (`ines.delgado`, `tamsin_eze`), so a given name first tells
 * a login from a code path or a config key (`spring.datasource`, `self.name`). Names that are also common English or
 * log words (`will`, `mark`, `max`, `grace`, `may`) are dropped when the set is built, so they never decide alone.
 */
const names = `
aaron abdul abdullah abel abena abhishek abigail abimbola abiodun abraham adaeze adam adebayo adeola adewale adil
aditi aditya adrian adriana adrien afonso agata agnes agnieszka ahmad ahmed ahmet aiden aiko aileen aimee aina aisha
aishwarya akash akemi akira akosua alan alana alberto albrecht alejandra alejandro aleksander aleksandra alessandra
alessandro alessia alex alexa alexander alexandra alexandre alexei alexis alfonso alfred alfredo ali alice alicia
alina alisha alison alistair aliyu allan allison alma alonso alvaro amadou amal amanda amara amelia amelie amina amir
amira amit amna amos amrita amy ana anastasia anders andrea andreas andrei andres andrew andrzej aneta angela angelica
angelika angelo anil anita anja anjali ann anna annabel anne annika anouk anselm anton antonia antonio anuj anya
aoife apinya arash archie ariana ariel arjun arman armando arnav arne aron arthur arturo arun arvid asha ashley ashok
asif aslan astrid asuka ata ates aurelie aurora austin ava avi avraham axel ayaan ayanda ayesha ayla aylin ayumi
ayodele azadeh aziz babajide bahar baptiste barbara bartosz basil bastian bastien beatrice beatriz bella ben benedikt
benjamin bernard bernardo bernd bertrand bianca bilal birgit bjorn blessing bo bogdan bongani boris brandon brenda
brendan brian bridget brigitte bruno bryan busisiwe caitlin callum camila camille candice carla carlos carlota carmen
carolina caroline carsten casimir catalina catarina caterina catherine cecilia cedric celine cesar chanel charles
charlotte chen chiara chidi chidinma chinedu chinonso chioma chloe chris christian christina christine christoph
christopher chukwuma ciara cillian claire clara claudia claudio clement colin conor constantin cormac cristina cristian
cyril cyrus dagny dalia damian damien dana dani daniel daniela daniele danielle danilo dante daria dariusz dario
darius darko darragh david davide dawit declan deepa deepak deniz denis denise derek desmond devi dhruv diana diego
dieter dilnoza dimitri dimitrios dina dinesh dirk dmitri dmitry dominic dominik dominika donal donovan dorothea dorota
dragan duc duncan dung dylan eamon ebere ebony edgar edith edmund eduardo edward edwin efua ehsan eilidh eitan ekaterina
elaine elena eleni eli elias elif elijah elin elisa elisabeth elise eliza elizabeth ella ellen elliot ellie eloise
elsa emeka emil emilia emilie emilio emily emma emmanuel emre enrique enzo eoin erik erika erin ernesto esi esme
esperanza esra esteban estelle ester esther ethan etienne eugene eun eva evan evelyn ezekiel fabian fabio fabrizio
fahad faisal farah farhad farid farida fatemeh fatima fatma fawad federica federico felipe felix fenna ferdinand
fernanda fernando filip filipa finn fiona florian folake francesca francesco francis francisco franco francois frank
franz freya frida friedrich fumiko gabriel gabriela gabriele gael gareth gaurav gautam genevieve george georgia gerald
gerardo gerhard gianluca gideon gilles giorgio giovanni gisela giulia giuseppe gloria goran gordon graham gregor
gregory greta gudrun guido guillaume gulnara gunnar gustav gustavo gwen habib hadiza hafsa haider hakan hakeem hamid
hamza hana hannah hanna hannes hans haruka haruto hasan hassan hayden heather hector heidi heike heinz helen helena
helga hendrik henri henrik henry herbert hideo hilda hina hiroshi hiroki hitomi hoang holger hong hugo huong hussein
ian ibrahim ida idris ifeoma ignacio igor ikechukwu ilaria ilse imani imran ines inga ingrid ioana ioannis iqbal irene
irina irma isaac isabel isabella isabelle isaiah ishaan isla ismail israel ivan ivana ivo izabela jacob jacqueline
jaime jakob jakub jamal james jamie jan jana jane janet janina janne jaroslav jasmine jason javier jaya jayden jean
jelena jennifer jens jeremy jerome jesper jesse jessica jesus jimena jin jing jiri joachim joanna joao joaquin jochen
joel johan johanna johannes john jolanta jonas jonathan jordan jorge jorgen jose josef joseph josephine joshua josue
juan judith julia julian juliana julie julien julius jun jurgen justin justyna kaan kai kalani kamal kamila karan karel
karen karim karin karina karl karolina kasper katarina katarzyna kate katharina katherine kathrin katja katrin kaveh
kavya kazuki keanu keiko keith kelechi kemal kenji kenneth kerstin kevin khadija khalid kieran kimberly kiran kirsten
klaus kofi kojo kolawole konrad kostas kristian kristina kristof krzysztof kumar kunal kwabena kwame kwasi kyle lachlan
lakshmi lamar lara lars laszlo laura lauren laurent leah leandro leila lena leo leon leonardo leonie leticia liam liang
lieselotte lila lina linda lindiwe lindsay lisa liu liv logan lorenzo louis louisa louise luca lucas lucia luciana
lucie lucy ludovic ludwig luis luisa lukas lukasz luka luna lwazi lydia lyudmila madeleine madison magda magdalena
magnus mahmoud maia maite makoto malak malik malin manon manuel manuela marcel marcela marcelo marco marcos marcus
margaret margarita margit maria mariam mariana marianne marie marina mario marion marisol marius marjan marketa marko
markus marlene marta martha martin martina maryam masato mateo mateus mathias mathieu matias matilda matteo matthew
matthias mattias maurice mauricio maxim maxime maximilian maya mbali mehdi mehmet mei meera megan mehwish melanie
melissa mercy mia michael michaela michal michel michele michelle miguel mihai mika mikael mikhail miko milan milena
milos mina minh miriam mirjam misaki mitra mohamed mohammad mohammed moises monica monika morgan moritz moses mthunzi
muhammad mustafa nadia nadine naledi nam nanami naoki naomi narges natalia natalie natasha nathan nathalie navid
nayeli nazanin neha neil nelson nene nia niamh nicola nicolas nicole niklas nikhil niko nikola nikolai nikolaos
nikos nils nina nisha nkechi nnamdi noah noemi noor nora norbert nuno nurul obinna oksana olamide olga olivia oliver
olivier oluwaseun oluwatobi omar omid ondrej orla orlando oscar oskar osman otto owen pablo padraig palesa
paolo parisa parveen pascal patricia patrick paula paulina paulo pawel pedro pekka per petra philipp philippe pia
pierre pieter pietro pilar piotr pooja prakash pranav prasad priya priyanka quentin quinn rachel radek radu rafael
rafal raffaele rahel rahim rahul raj rajesh rajiv ramon rana rani rashid raul ravi rebecca reem rehana reinhard
renata rene ricardo riccardo richard rifat rita roberta roberto robin rodrigo roksana roland rolf roman romy rosa
rosalind rowan ruairi rui ruslan ruth ryan ryo ryota saanvi sabine sabrina sachin sadia saeed safiya sahil said
saida sakura salma salvatore samir samira samuel sandeep sandra sanjay santiago sara sarah sasha saskia satoshi saul
sean sebastian selin selma seo serena sergei sergio shahid shanthi sharon shauna sheila shira shirin shreya shu siddharth
sigrid silvia simon simona simone sina siobhan siddiq sipho siti siyabonga sofia sofie soren sophia sophie stefan
stefanie stefano stella stephan stephanie stephen steven stine sunil sunita susanne suzanne svea sven svetlana sylvia
tadeusz taiwo takeshi tamara tamar tamsin tanja tariq tatiana tatjana teodor teresa thabo thandi thanh thea theo
theresa thiago thomas thulani tiago timo timothy tobias tomas tomasz tommaso tomoko toni tonio torben tove tuan tunde
uchenna ulla ulrich ulrike umar umut ursula uwe valentina valentin valeria valerie vanessa varun vasil vera
veronika vicente viktor viktoria vikram vincent vincenzo viola violeta vitor vivek vladimir wanjiru wei wen wendell
werner wiebke wiktor wilhelm wilma wojciech xavier xin xiu yael yamal yan yara yasmin yasmine yaw yelena yemi ximena yerlan
yetunde yong yosef youssef yuki yuko yulia yuri yusuf yvonne zainab zahra zanele zara zeynep zhang zhen zodwa zoe zofia
zoltan zora zuzana
`;

/** Given names that are no common English or log word (see above; the word itself: `ingrid` is no `in` + `grid`). */
export const givenNames: ReadonlySet<string> = new Set(
  names.split(/\s+/).filter((name) => name !== '' && !commonWords.has(name)),
);

/** True for a given name of the list, in any case (`Ines`, `INES`). */
export function isGivenName(word: string): boolean {
  return givenNames.has(word.toLowerCase());
}

// The names by a hash of their letters, for a lookup in the text itself (no copy, no lower-casing): open addressing,
// a slot holds a name's index + 1, the table four times the names (16 KB, stays in the CPU's caches).
const nameList = [...givenNames];
const slots = new Int32Array(4096);
const mask = slots.length - 1;

/** The hash of text[start, end) with A-Z folded onto a-z. */
function hashOf(text: string, start: number, end: number): number {
  let hash = end - start;
  for (let at = start; at < end; at++) hash = Math.imul(hash, 31) + (text.charCodeAt(at) | 32);
  return (hash ^ (hash >>> 15)) & mask;
}

for (let n = 0; n < nameList.length; n++) {
  const name = nameList[n] as string;
  let slot = hashOf(name, 0, name.length);
  while (slots[slot] !== 0) slot = (slot + 1) & mask;
  slots[slot] = n + 1;
}

/** True when the letters text[start, end) are a given name of the list, in any case, read in place. */
export function isGivenNameAt(text: string, start: number, end: number): boolean {
  const length = end - start;
  for (let slot = hashOf(text, start, end); slots[slot] !== 0; slot = (slot + 1) & mask) {
    const name = nameList[(slots[slot] as number) - 1] as string;
    if (name.length !== length) continue;
    let at = 0;
    while (at < length && name.charCodeAt(at) === (text.charCodeAt(start + at) | 32)) at++;
    if (at === length) return true;
  }
  return false;
}
