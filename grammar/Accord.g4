// The Accord language: ontologies, cross-modal rules and their tests.
// The contract is ../shared/LANGUAGE.md; the reference is docs/language.md.
// Only compiler/src/parse/parser.cpp sees the parse tree this grammar
// produces; it is turned into Accord's own AST there and dropped.
grammar Accord;

// ---------------------------------------------------------------- module

module_     : header importDecl* decl* EOF ;
header      : ONTOLOGY qualifiedName (VERSION STRING)? ';' ;
importDecl  : IMPORT qualifiedName ';' ;

decl
  : modalityDecl
  | enumDecl
  | conceptDecl
  | disjointDecl
  | ruleDecl
  | testDecl
  ;

// ---------------------------------------------------------------- ontology

modalityDecl  : MODALITY ident '{' modalityProp* '}' ;
modalityProp  : ident ':' ident (',' ident)* ';' ;

enumDecl      : ENUM ident '{' ident (',' ident)* ','? '}' ;

conceptDecl
  : CONCEPT ident (':' qualifiedName (',' qualifiedName)*)?
    (IN modalityUse (',' modalityUse)*)?
    (conceptBody | ';')
  ;
modalityUse   : qualifiedName (AS STRING)? ;
conceptBody   : '{' member* '}' ;
member
  : ident ':' typeRef ('=' expr)? ';'     # attributeMember
  | ident '=' expr ';'                    # fixedMember
  ;
typeRef       : qualifiedName ('[' bound '..' bound ']')? ;
bound         : '-'? (INT | FLOAT) ;

disjointDecl  : DISJOINT qualifiedName (',' qualifiedName)+ ';' ;

// ---------------------------------------------------------------- rules

ruleDecl      : RULE ident ruleProp* '{' ruleBody '}' ;
ruleProp
  : SEVERITY ident        # severityProp
  | GUIDELINE STRING      # guidelineProp
  | ESCALATE STRING       # escalateProp
  ;
ruleBody
  : FOR binding (',' binding)*
    (WHERE where=expr)?
    (REQUIRE require=expr)?
    (UNLESS unless=expr)?
    (REPORT STRING)?
    ';'
  ;
binding
  : ident ':' qualifiedName IN ident
  | ident IN ident
  ;

expr
  : primary                                                  # primaryExpr
  | expr '.' anyName                                         # fieldExpr
  | '-' expr                                                 # negExpr
  | expr op=('*' | '/') expr                                 # mulExpr
  | expr op=('+' | '-') expr                                 # addExpr
  | expr op=('==' | '!=' | '<' | '<=' | '>' | '>=') expr     # cmpExpr
  | expr IN '{' expr (',' expr)* '}'                         # inExpr
  | expr IS qualifiedName                                    # isExpr
  | NOT expr                                                 # notExpr
  | expr AND expr                                            # andExpr
  | expr OR expr                                             # orExpr
  ;

primary
  : literal                                                  # literalPrimary
  | EXISTS binding (WHERE expr)?                             # existsPrimary
  | COUNT '(' binding (WHERE expr)? ')'                      # countPrimary
  | ident '(' (expr (',' expr)*)? ')'                        # callPrimary
  | ident                                                    # namePrimary
  | '(' expr ')'                                             # parenPrimary
  | '[' (expr (',' expr)*)? ']'                              # listPrimary
  ;

literal : INT | FLOAT | STRING | DURATION | TRUE | FALSE ;

// ---------------------------------------------------------------- tests

testDecl      : TEST ident '{' (testItem | expectation)* '}' ;
testItem      : ITEM name '{' recordLit* '}' ;
recordLit     : ident name STRING timeRange? recordFields? ';' ;
timeRange     : timePoint '..' timePoint ;
timePoint     : '-'? (DURATION | INT | FLOAT) ;
recordFields  : '{' (recordField (',' recordField)* ','?)? '}' ;
recordField   : anyName ':' expr ;
expectation
  : EXPECT NONE ';'                                          # expectNone
  | EXPECT qualifiedName '(' name (',' name)* ')' ';'        # expectFinding
  | EXPECT DISJOINT '(' name (',' name)* ')' ';'             # expectDisjoint
  ;

// ---------------------------------------------------------------- names

name          : ident | STRING ;
qualifiedName : ident ('.' ident)* ;
// Words that are keywords only where they open a clause are names elsewhere.
ident         : ID | VERSION | SEVERITY | GUIDELINE | ESCALATE | NONE ;
// After a dot every word is a field or attribute name (`x.concept`, `x.item`).
anyName
  : ident | ONTOLOGY | IMPORT | MODALITY | ENUM | CONCEPT | IN | AS | DISJOINT
  | RULE | FOR | WHERE | REQUIRE | UNLESS | REPORT | EXISTS | COUNT | IS | NOT
  | AND | OR | TRUE | FALSE | TEST | ITEM | EXPECT
  ;

// ---------------------------------------------------------------- lexer

ONTOLOGY  : 'ontology' ;
VERSION   : 'version' ;
IMPORT    : 'import' ;
MODALITY  : 'modality' ;
ENUM      : 'enum' ;
CONCEPT   : 'concept' ;
IN        : 'in' ;
AS        : 'as' ;
DISJOINT  : 'disjoint' ;
RULE      : 'rule' ;
SEVERITY  : 'severity' ;
GUIDELINE : 'guideline' ;
ESCALATE  : 'escalate' ;
FOR       : 'for' ;
WHERE     : 'where' ;
REQUIRE   : 'require' ;
UNLESS    : 'unless' ;
REPORT    : 'report' ;
EXISTS    : 'exists' ;
COUNT     : 'count' ;
IS        : 'is' ;
NOT       : 'not' ;
AND       : 'and' ;
OR        : 'or' ;
TRUE      : 'true' ;
FALSE     : 'false' ;
TEST      : 'test' ;
ITEM      : 'item' ;
EXPECT    : 'expect' ;
NONE      : 'none' ;

DURATION  : DIGITS ('.' DIGITS)? ('ms' | 's' | 'min' | 'h') ;
FLOAT     : DIGITS '.' DIGITS ;
INT       : DIGITS ;
STRING    : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
ID        : [A-Za-z_] [A-Za-z0-9_]* ;

DOC_COMMENT   : '///' (~[/\r\n] ~[\r\n]*)? -> channel(2) ;
LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS            : [ \t\r\n]+ -> skip ;

// Lexical errors are tokens, so the lexer never reports on its own: the
// parser front end turns them into diagnostics with a precise message.
// A `/*` whose text never contains `*/`. (Written as `'/*' .*? EOF` it would
// out-match BLOCK_COMMENT and swallow the rest of every file with a comment.)
UNTERMINATED_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF ;
UNTERMINATED_STRING  : '"' (~["\\\r\n] | '\\' ~[\r\n])* '\\'? ;
ERROR_CHAR           : . ;

fragment DIGITS : [0-9]+ ;
