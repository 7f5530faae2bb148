/**
 * Name lists for the demo département. Common names come first (the generator favours the start of
 * each list). Accents, hyphens, apostrophes and particles are on purpose: they exercise logins,
 * search keys, sorting and PDF fonts.
 */

export interface NamePool {
  /** Family names of this origin. */
  last: readonly string[];
  /** First names for children born ~2015–2021. */
  girls: readonly string[];
  boys: readonly string[];
  /** First names for adults born ~1965–1995. */
  women: readonly string[];
  men: readonly string[];
}

const FRENCH: NamePool = {
  last: [
    'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
    'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
    'Morel', 'Girard', 'André', 'Lefebvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez',
    'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas',
    'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin',
    'Masson', 'Sanchez', 'Gérard', 'Boyer', 'Denis', 'Lemaire', 'Duval', 'Joly', 'Gautier', 'Roger',
    'Roche', 'Roy', 'Noël', 'Meyer', 'Lucas', 'Meunier', 'Jean', 'Pérez', 'Marchand', 'Dufour',
    'Blanchard', 'Marie', 'Barbier', 'Brun', 'Dumas', 'Brunet', 'Schmitt', 'Leroux', 'Colin', 'Fernandez',
    'Pierre', 'Renard', 'Arnaud', 'Rolland', 'Caron', 'Aubert', 'Giraud', 'Leclerc', 'Vidal', 'Bourgeois',
    'Renaud', 'Lemoine', 'Picard', 'Gaillard', 'Philippe', 'Leclercq', 'Lacroix', 'Fabre', 'Dupuis', 'Olivier',
    'Hubert', 'Louis', 'Charles', 'Guillot', 'Rivière', 'Guillaume', 'Adam', 'Rey', 'Moulin', 'Berger',
    'Lecomte', 'Ménard', 'Fleury', 'Deschamps', 'Carpentier', 'Julien', 'Benoît', 'Paris', 'Maillard', 'Marchal',
    'Aubry', 'Vasseur', 'Renault', 'Jacquet', 'Collet', 'Prévost', 'Poirier', 'Charpentier', 'Royer', 'Huet',
    'Baron', 'Dupuy', 'Pons', 'Paul', 'Lainé', 'Carré', 'Breton', 'Rémy', 'Schneider', 'Perrot',
    'Guyot', 'Barre', 'Marty', 'Cousin', 'Lebrun', 'Lemaître', 'Thévenin', 'Chauvin', 'Bérard', 'Besson',
    'Reynaud', 'Chabert', 'Vernet', 'Bouvier', 'Chapuis', 'Achard', 'Jullien', 'Brès', 'Magnan', 'Chaix',
    'Bonnardel', 'Blanchet', 'Ollier', 'Clot', 'Gras', 'Chareyre', 'Faure-Brac', 'Saint-Martin', 'Du Pré',
    'Lefèvre-Durand', 'Delacroix', 'De Oliveira', 'Desprès', 'Lévêque', 'Jacquemet', 'Ravel', 'Boissonnat',
    'Mounier', 'Cheval', "L'Hôte", 'Dufrêne', 'Crozat', 'Séguin', 'Évrard', 'Émery', 'Œuvrard', 'Bœuf',
  ],
  girls: [
    'Jade', 'Louise', 'Emma', 'Ambre', 'Alice', 'Rose', 'Anna', 'Alba', 'Romy', 'Mia',
    'Lina', 'Léa', 'Chloé', 'Julia', 'Mila', 'Inès', 'Léna', 'Agathe', 'Iris', 'Jeanne',
    'Zoé', 'Lou', 'Margaux', 'Juliette', 'Éloïse', 'Maëlys', 'Manon', 'Camille', 'Lucie', 'Nina',
    'Charlotte', 'Victoire', 'Adèle', 'Héloïse', 'Clémence', 'Léonie', 'Capucine', 'Mathilde', 'Olivia', 'Sarah',
    'Romane', 'Apolline', 'Élise', 'Anaïs', 'Lola', 'Noémie', 'Céleste', 'Gabrielle', 'Océane', 'Maëlle',
    'Anaëlle', 'Clémentine', 'Élena', 'Zélie', 'Salomé', 'Mélina', 'Joséphine', 'Marie-Lou', 'Anne-Sophie', 'Lya',
    'Thaïs', 'Maïa', 'Aurélie', 'Noélie', 'Ninon', 'Constance', 'Faustine', 'Bérénice', 'Garance', 'Héléna',
  ],
  boys: [
    'Gabriel', 'Léo', 'Raphaël', 'Louis', 'Maël', 'Noah', 'Jules', 'Arthur', 'Adam', 'Lucas',
    'Hugo', 'Sacha', 'Gabin', 'Nathan', 'Liam', 'Aaron', 'Tom', 'Paul', 'Éthan', 'Mathéo',
    'Théo', 'Noé', 'Timothée', 'Clément', 'Baptiste', 'Valentin', 'Antoine', 'Victor', 'Axel', 'Martin',
    'Mathis', 'Nolan', 'Robin', 'Léon', 'Naël', 'Eliott', 'Côme', 'Augustin', 'Marius', 'Gaspard',
    'Lenny', 'Malo', 'Kylian', 'Évan', 'Loïc', 'Maxence', 'Célestin', 'Joachim', 'Anatole', 'Aurélien',
    'Jean-Baptiste', 'Pierre-Louis', 'Loïs', 'Noam', 'Timéo', 'Ismaël', 'Gaël', 'Élie', 'Hippolyte', 'Léandre',
    'Tiago', 'Nino', 'Mahé', 'Lyam', 'Joël', 'Félix', 'Séraphin', 'Énzo', 'Amaury', 'Benoît',
  ],
  women: [
    'Nathalie', 'Isabelle', 'Sylvie', 'Catherine', 'Valérie', 'Sandrine', 'Stéphanie', 'Céline', 'Aurélie', 'Émilie',
    'Julie', 'Sophie', 'Caroline', 'Virginie', 'Delphine', 'Laëtitia', 'Élodie', 'Hélène', 'Audrey', 'Mélanie',
    'Anne', 'Cécile', 'Marion', 'Claire', 'Karine', 'Laure', 'Christelle', 'Séverine', 'Agnès', 'Frédérique',
    'Amélie', 'Marie-Claire', 'Anne-Laure', 'Marie-Hélène', 'Géraldine', 'Nadège', 'Sabrina', 'Jessica', 'Gaëlle', 'Ophélie',
    'Magali', 'Vanessa', 'Laurence', 'Florence', 'Béatrice', 'Noëlle', 'Maryse', 'Chantal', 'Françoise', 'Véronique',
    'Emmanuelle', 'Pauline', 'Charlotte', 'Justine', 'Camille', 'Anaïs', 'Coralie', 'Élise', 'Estelle', 'Hélèna',
  ],
  men: [
    'Nicolas', 'Sébastien', 'Julien', 'Christophe', 'Stéphane', 'Frédéric', 'David', 'Olivier', 'Laurent', 'Thomas',
    'Jérôme', 'Cédric', 'Guillaume', 'Mickaël', 'Alexandre', 'Vincent', 'Romain', 'Fabrice', 'Arnaud', 'Maxime',
    'Benoît', 'Jean-Noël', 'Jean-François', 'Pierre-Yves', 'Jean-Michel', 'Éric', 'Grégory', 'François', 'Damien', 'Yannick',
    'Anthony', 'Florian', 'Mathieu', 'Thierry', 'Pascal', 'Hervé', 'Gaël', 'Loïc', 'Raphaël', 'Jean-Luc',
    'Antoine', 'Bertrand', 'Cyril', 'Xavier', 'Régis', 'Jérémy', 'Clément', 'Aurélien', 'Rémi', 'Joël',
    'Franck', 'Lionel', 'Didier', 'Patrice', 'Gérald', 'Hugues', 'Noël', 'Benjamin', 'Kévin', 'Adrien',
  ],
};

const MAGHREB: NamePool = {
  last: ['Benali', 'Haddad', 'Bouzid', 'Amrani', 'Khelifi', 'Benyahia', 'Mansouri', 'Belkacem', 'Boukhari', 'El Amrani', 'Ben Salah', 'Chérif', 'Saïdi', 'Aït Ali', 'Zerrouki'],
  girls: ['Lina', 'Inès', 'Yasmine', 'Sofia', 'Aya', 'Lyna', 'Nour', 'Amira', 'Maïssa', 'Ilyana', 'Kenza', 'Sirine'],
  boys: ['Adam', 'Rayan', 'Ilyès', 'Yanis', 'Amir', 'Mohamed', 'Ayoub', 'Ismaël', 'Nassim', 'Imrân', 'Younès', 'Sohan'],
  women: ['Nadia', 'Leïla', 'Fatima', 'Myriam', 'Samira', 'Karima', 'Naïma', 'Souad', 'Farida', 'Yamina', 'Djamila', 'Sonia'],
  men: ['Karim', 'Mehdi', 'Samir', 'Rachid', 'Sofiane', 'Mourad', 'Nordine', 'Farid', 'Hakim', 'Saïd', 'Youssef', 'Abdelkader'],
};

const PORTUGUESE: NamePool = {
  last: ['Da Silva', "D'Almeida", 'Ferreira', 'Pereira', 'Dos Santos', 'Rodrigues', 'Teixeira', 'Gonçalves', 'Carvalho', 'Da Costa', 'Fernandes', 'Lopes', 'Mendes', 'De Sousa'],
  girls: ['Inês', 'Beatriz', 'Lara', 'Maria', 'Léa', 'Ana', 'Eva', 'Mariana'],
  boys: ['Tiago', 'Rafael', 'Diogo', 'Enzo', 'Lucas', 'Martim', 'Nuno', 'Tomás'],
  women: ['Maria', 'Ana', 'Sónia', 'Cristina', 'Paula', 'Sandra', 'Carla', 'Fátima'],
  men: ['João', 'Manuel', 'Fernando', 'José', 'Paulo', 'Rui', 'Nélson', 'António'],
};

const WEST_AFRICAN: NamePool = {
  last: ["N'Diaye", 'Diallo', 'Traoré', 'Sow', 'Diop', 'Camara', 'Koné', 'Ba', 'Cissé', "N'Guessan", 'Touré', 'Keïta', 'Sissoko', 'Fofana'],
  girls: ['Aminata', 'Fatoumata', 'Awa', 'Mariam', 'Kadiatou', 'Aïssatou', 'Binta', 'Oumou'],
  boys: ['Moussa', 'Mamadou', 'Ibrahima', 'Oumar', 'Souleymane', 'Boubacar', 'Sékou', 'Amadou'],
  women: ['Fatou', 'Aminata', 'Mariama', 'Awa', 'Ndèye', 'Adama', 'Rokia', 'Salimata'],
  men: ['Moussa', 'Mamadou', 'Abdoulaye', 'Ousmane', 'Cheikh', 'Seydou', 'Lamine', 'Bakary'],
};

const BRETON: NamePool = {
  last: ['Le Goff', 'Le Gall', 'Le Bihan', 'Le Guen', 'Le Roux', 'Kerjean', 'Tanguy', 'Le Floc\'h', 'Quéré', 'Le Corre', 'Guéguen', 'Le Bris'],
  girls: ['Maëlle', 'Nolwenn', 'Enora', 'Lou-Ann', 'Gwenaëlle', 'Anaëlle', 'Rozenn', 'Maïwenn'],
  boys: ['Malo', 'Erwan', 'Maël', 'Yann', 'Gwendal', 'Ewen', 'Tanguy', 'Loïc'],
  women: ['Gwenaëlle', 'Nolwenn', 'Soizic', 'Morgane', 'Katell', 'Maryvonne', 'Anne-Gaëlle', 'Annaïg'],
  men: ['Yann', 'Erwan', 'Goulven', 'Ronan', 'Gaël', 'Loïc', 'Hervé', 'Yves-Marie'],
};

const ITALIAN: NamePool = {
  last: ['Rossi', 'Bianchi', "D'Angelo", 'Russo', 'Esposito', 'Ricci', 'Romano', 'Colombo', 'Di Marco', 'De Luca', 'Conti', 'Lombardi'],
  girls: ['Giulia', 'Chiara', 'Alessia', 'Léa', 'Emma', 'Sofia', 'Élena', 'Bianca'],
  boys: ['Lorenzo', 'Matteo', 'Luca', 'Enzo', 'Nino', 'Léo', 'Marco', 'Angelo'],
  women: ['Giulia', 'Francesca', 'Valentina', 'Laura', 'Sara', 'Silvia', 'Paola', 'Élisa'],
  men: ['Marco', 'Giovanni', 'Alessandro', 'Stefano', 'Paolo', 'Fabio', 'Andrea', 'Lorenzo'],
};

const VIETNAMESE: NamePool = {
  last: ['Nguyen', 'Tran', 'Pham', 'Le', 'Hoang', 'Vu', 'Dang', 'Bui', 'Truong', 'Phan'],
  girls: ['Linh', 'Lan', 'Mai', 'Chloé', 'Emma', 'Anh', 'Léa', 'Thảo'],
  boys: ['Minh', 'Bao', 'Lucas', 'Nathan', 'Khang', 'Hugo', 'Duc', 'Long'],
  women: ['Thi Lan', 'Hương', 'Linh', 'Mai', 'Ngọc', 'Hoa', 'Thu', 'Hạnh'],
  men: ['Minh', 'Tuấn', 'Dũng', 'Thanh', 'Hùng', 'Quang', 'Hải', 'Long'],
};

const TURKISH: NamePool = {
  last: ['Yilmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Aydin', 'Arslan', 'Doğan', 'Koç'],
  girls: ['Elif', 'Zeynep', 'Defne', 'Ecrin', 'Eylül', 'Asya', 'Inès', 'Lina'],
  boys: ['Emir', 'Yusuf', 'Eymen', 'Kerem', 'Mert', 'Enes', 'Adam', 'Yanis'],
  women: ['Ayşe', 'Fatma', 'Emine', 'Hatice', 'Özlem', 'Gülşen', 'Derya', 'Sevgi'],
  men: ['Mehmet', 'Mustafa', 'Ahmet', 'Ali', 'Hüseyin', 'Murat', 'Hakan', 'Serkan'],
};

/** Origins of the families, with their share of the population. */
export const NAME_POOLS: readonly (readonly [NamePool, number])[] = [
  [FRENCH, 72],
  [MAGHREB, 9],
  [PORTUGUESE, 5],
  [WEST_AFRICAN, 4],
  [BRETON, 3],
  [ITALIAN, 3],
  [VIETNAMESE, 2],
  [TURKISH, 2],
];

export const FRENCH_NAMES = FRENCH;

/** Circonscriptions of the Drôme (26) and the communes of each, north to south. */
export const CIRCONSCRIPTIONS: readonly { name: string; communes: readonly string[] }[] = [
  { name: 'Valence Nord', communes: ['Valence', 'Bourg-lès-Valence', 'Saint-Marcel-lès-Valence', 'Alixan', 'Châteauneuf-sur-Isère', 'Montélier'] },
  { name: 'Valence Sud', communes: ['Valence', 'Portes-lès-Valence', 'Beauvallon', 'Étoile-sur-Rhône', 'Montéléger', 'Beaumont-lès-Valence'] },
  { name: 'Romans-sur-Isère', communes: ['Romans-sur-Isère', 'Bourg-de-Péage', 'Chatuzange-le-Goubet', 'Génissieux', 'Saint-Paul-lès-Romans', 'Mours-Saint-Eusèbe'] },
  { name: 'Montélimar', communes: ['Montélimar', 'Ancône', 'Savasse', 'La Coucourde', 'Sauzet', 'Allan'] },
  { name: 'Crest', communes: ['Crest', 'Aouste-sur-Sye', 'Allex', 'Eurre', 'Grâne', 'Saou'] },
  { name: 'Die', communes: ['Die', 'Châtillon-en-Diois', 'Luc-en-Diois', 'Saillans', 'Chamaloc', 'Pontaix'] },
  { name: 'Nyons', communes: ['Nyons', 'Mirabel-aux-Baronnies', 'Buis-les-Baronnies', 'Vinsobres', 'Les Pilles', 'Saint-Maurice-sur-Eygues'] },
  { name: 'Pierrelatte', communes: ['Pierrelatte', 'Saint-Paul-Trois-Châteaux', 'Donzère', 'Suze-la-Rousse', 'La Garde-Adhémar', 'Tulette'] },
  { name: "Tain-l'Hermitage", communes: ["Tain-l'Hermitage", 'Mercurol-Veaunes', 'Chanos-Curson', 'Érôme', 'Larnage', 'Crozes-Hermitage'] },
  { name: 'Saint-Vallier', communes: ['Saint-Vallier', 'Saint-Rambert-d\'Albon', 'Anneyron', 'Albon', 'Laveyron', 'Ponsas'] },
  { name: 'Chabeuil', communes: ['Chabeuil', 'Malissard', 'Upie', 'Montvendre', 'Combovin', 'Peyrus'] },
  { name: 'Dieulefit', communes: ['Dieulefit', 'La Bégude-de-Mazenc', 'Poët-Laval', 'Cléon-d\'Andran', 'Marsanne', 'Puy-Saint-Martin'] },
  { name: 'Saint-Donat-sur-l\'Herbasse', communes: ['Saint-Donat-sur-l\'Herbasse', 'Clérieux', 'Margès', 'Charmes-sur-l\'Herbasse', 'Bathernay', 'Montchenu'] },
  { name: 'Loriol-sur-Drôme', communes: ['Loriol-sur-Drôme', 'Livron-sur-Drôme', 'Cliousclat', 'Mirmande', 'Saulce-sur-Rhône', 'Les Tourrettes'] },
  { name: 'Saint-Jean-en-Royans', communes: ['Saint-Jean-en-Royans', 'Saint-Nazaire-en-Royans', 'La Motte-Fanjas', 'Sainte-Eulalie-en-Royans', 'Rochechinard', 'Oriol-en-Royans'] },
  { name: 'Grignan', communes: ['Grignan', 'Valaurie', 'Taulignan', 'Chamaret', 'Réauville', 'Montségur-sur-Lauzon'] },
];

/** Patrons and place names of écoles: « École élémentaire Jean-Moulin ». */
export const SCHOOL_PATRONS: readonly string[] = [
  'Jean-Moulin', 'Jules-Ferry', 'Marcel-Pagnol', 'Victor-Hugo', 'Jacques-Prévert', 'Louis-Pasteur', 'Jean-Jaurès',
  'Marie-Curie', 'Paul-Éluard', 'Jean-de-La-Fontaine', 'Anne-Frank', 'Simone-Veil', 'Lucie-Aubrac',
  'Antoine-de-Saint-Exupéry', 'Alphonse-Daudet', 'Jean-Giono', 'Frédéric-Mistral', 'Louise-Michel',
  'Georges-Brassens', 'Charles-Perrault', 'Jules-Verne', 'Albert-Camus', 'Émile-Zola', 'Germaine-Tillion',
  'Condorcet', 'Voltaire', 'Paul-Langevin', 'Joliot-Curie', 'Olympe-de-Gouges', 'Aimé-Césaire', 'Gustave-Eiffel',
  'Pierre-et-Marie-Curie', 'Jean-Rostand', 'Ferdinand-Buisson', 'Joséphine-Baker', 'Gisèle-Halimi',
];
export const SCHOOL_PLACES: readonly string[] = [
  'Les Tilleuls', 'Les Platanes', 'Le Petit-Prince', 'Les Marronniers', 'du Centre', 'Les Cèdres', 'Les Buis',
  'Les Lavandes', 'Les Oliviers', 'du Bourg', 'Les Vignes', 'La Roseraie', 'Les Érables', 'Le Lièvre-Blanc',
  'Les Hirondelles', 'La Fontaine-Ronde', "L'Écureuil", 'Les Amandiers', 'Le Château', 'Les Saules',
];

/** Jobs of the school staff (PERSONNEL); not stored, used for aliases and variety only. */
export const STAFF_KINDS: readonly string[] = ['atsem', 'animateur', 'aesh', 'secretariat', 'periscolaire'];

/** Mail domains. Reserved example domains only (RFC 2606): demo mailings must never reach a real inbox. */
export const PARENT_MAIL_DOMAINS: readonly string[] = [
  'orange.example.net', 'free.example.net', 'laposte.example.net', 'gmail.example.com', 'sfr.example.net',
  'hotmail.example.com', 'outlook.example.com', 'wanadoo.example.net', 'yahoo.example.com', 'bbox.example.net',
];
export const ACADEMIC_MAIL_DOMAIN = 'ac-grenoble.example.org';
