import { createContext } from 'react';

// The markdown text a react-markdown instance is rendering, for components that need to read
// their own source (a code block checks whether its closing fence has arrived).
export const SourceContext = createContext('');
