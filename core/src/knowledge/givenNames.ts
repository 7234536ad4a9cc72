/**
 * Common given names, lowercase: a display name that starts with one of them and reads like
 * "First Last" names a person (display-name-personal). Names that are also everyday English words
 * (Bill, Will, Mark, Grace, Hope, June, Max, Chase, Hunter, Victor, Ray, Frank…) are left out on
 * purpose: "Grace Period Approvers" or "Max Access Operators" must not read as a person. The list
 * covers names common in the countries where managed service providers list offers; a name that
 * is missing only means a hint that is not shown.
 */
const NAMES = `
aaron abigail adam adrian ahmed aisha alan albert alejandro alessandro alex alexander alexandra alexis alice
alicia amanda amelia amit amy ana andrea andreas andrew andrzej angela anil anita ann anna anne
andy anthony antonio arjun arthur ashley astrid austin barbara ben benjamin beth betty beverly brandon brenda
brian brittany bruce bryan camille carl carlos carmen carol caroline carolyn catherine charles chris
charlotte cheryl chiara chloe christian christina christine christopher claire claudia craig cynthia
daan dan daniel daniela danielle dave david deborah debra deepak denise dennis diana diane diego dmitri
dmitry donald donna doris dorothy douglas dylan edward elena elijah elizabeth ella emily emma eric
erik ethan eugene evelyn fatima fernanda francesca francesco francois françois gabriel gabriela
gabriele gary george gerald giulia giuseppe gloria gregory hannah harold hassan heather helen
henry hiroshi ingrid irina isabel isabella ivan jacob jacqueline james janet janice jason javier jenny jim
jeffrey jennifer jeremy jessica joan joao joão john jon juergen jürgen jonathan jorge jose josé joseph joshua joyce juan
judith judy julia julie justin karen karin kate katarzyna katherine kathleen kathryn katrin kayla keith
kelly kenji kenneth kevin kimberly klaus kyle lars laura lauren lawrence liam linda lisa logan
lori lucas lucia lucy luis luca lukas łukasz madison magdalena manuel marco margaret maria marie marilyn
marina marta martha martin mary mateus matt matteo matthew megan melissa michael michelle miguel mike
mohamed mohammad mohammed muhammad natalie natasha nathan neha nicholas nick nicola nicolas nicole
noah olga oliver olivia omar pablo pamela patricia patrick paul pedro peter philip pierre piotr
pooja priya rachel rafael rahul ravi rebecca richard robert roberto roger ronald russell ruth
ryan sam samantha samuel sandra sanjay sara sarah scott sean sergei sergey sharon shirley sofia sophia
sophie stefan stefanie stephanie stephen steve steven susan sven takashi teresa theresa thomas tim timothy tom tony
tyler ursula vikram vincent virginia walter wayne william wojciech wolfgang yuki zachary zoe
`;

export const GIVEN_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter((name) => name !== ''));
